// A repository built to break the gate (fixtures/hostile/ plus tests/hostile/generate.ts), scanned
// by the real CLI: every hostile file is listed with its reason, the clean files beside them still
// yield their findings at the right lines, nothing outside the target is read or named, memory
// stays bounded, and every output format stays valid with the hostile text neutralised.
//
// The 120 s timeout of each run is a safety net that turns a hang into a failure, not a
// performance assertion: on two cores the full scan takes well under 30 s.

import { XMLValidator } from 'fast-xml-parser';
import { DomUtils, parseDocument } from 'htmlparser2';
import type { Element } from 'domhandler';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../src/model/types.js';
import { expectValidReport } from './helpers.js';
import { runCli, type CliRun } from './hostile/cli.js';
import { generateHostileTree, HARD_NAMES, OUTSIDE_TOKEN, PLANTED_TOKENS, type HostileTree } from './hostile/generate.js';

const SAFETY_TIMEOUT_MS = 120_000;
const MAX_RSS_KIB = 1.5 * 1024 * 1024;

let tree: HostileTree;
let full: CliRun;
let report: Report;

beforeAll(async () => {
  tree = generateHostileTree();
  // Named relatively, from the parent folder: no absolute path has a reason to appear anywhere.
  full = await runCli(['check', 'target', '--format', 'json', '--lang', 'en'], { cwd: tree.root, timeoutMs: SAFETY_TIMEOUT_MS });
  if (!full.timedOut && full.stdout.startsWith('{')) report = JSON.parse(full.stdout) as Report;
}, SAFETY_TIMEOUT_MS + 30_000);

afterAll(() => tree?.cleanup());

/** What must never appear in any output: the places outside the target and what they hold. */
function outsideMarkers(): string[] {
  return [tree.root, tree.target, '/etc/passwd', 'etc/passwd', 'root:x:0:0', OUTSIDE_TOKEN, 'outside/secret', 'ignore-everything'];
}

function expectNothingFromOutside(text: string, where: string): void {
  for (const marker of outsideMarkers()) expect(text.includes(marker), `${where} contains ${JSON.stringify(marker)}`).toBe(false);
  for (const token of PLANTED_TOKENS) expect(text.includes(token), `${where} shows the token ${token}`).toBe(false);
}

describe('a hostile repository, scanned by the CLI', () => {
  it('is scanned to the end, within the safety timeout, with the gate verdict as exit code', () => {
    expect(full.timedOut, `killed after ${SAFETY_TIMEOUT_MS} ms: a hang`).toBe(false);
    expect(full.stderr).toBe('');
    expect(full.code).toBe(1);
    expectValidReport(report);
    expect(report.target.path).toBe('target');
  });

  it('lists each hostile file with its reason, in skipped or errors', () => {
    const problems: string[] = [];
    for (const [path, expectation] of Object.entries(tree.expected)) {
      if ('skipped' in expectation) {
        const entry = report.skipped.find((s) => s.file === path);
        if (!entry) problems.push(`${JSON.stringify(path)}: not in skipped`);
        else if (entry.reason !== expectation.skipped) problems.push(`${JSON.stringify(path)}: skipped as ${entry.reason}, expected ${expectation.skipped}`);
        else if (expectation.detail && !expectation.detail.test(entry.detail ?? '')) problems.push(`${JSON.stringify(path)}: detail ${JSON.stringify(entry.detail)}`);
      } else if ('error' in expectation) {
        const entry = report.errors.find((e) => e.file === path);
        if (!entry) problems.push(`${JSON.stringify(path)}: not in errors`);
        else if (!expectation.error.test(entry.message)) problems.push(`${JSON.stringify(path)}: error ${JSON.stringify(entry.message)}`);
      }
    }
    expect(problems).toEqual([]);
    // Wrong types in every field of a Kubernetes document make no rule fail.
    expect(report.errors.filter((e) => e.ruleId)).toEqual([]);
    // Every error names a file of the target and a line.
    for (const error of report.errors) expect(typeof error.line, JSON.stringify(error)).toBe('number');
  });

  it('still reports the findings of the clean files, at their lines: CRLF, lone CR, UTF-16, invalid UTF-8, hard names', () => {
    const problems: string[] = [];
    for (const [path, expectation] of Object.entries(tree.expected)) {
      if (!('findings' in expectation)) continue;
      if (report.skipped.some((s) => s.file === path)) problems.push(`${JSON.stringify(path)}: skipped`);
      if (!expectation.errorsAllowed && report.errors.some((e) => e.file === path)) problems.push(`${JSON.stringify(path)}: has errors`);
      for (const [ruleId, line] of expectation.findings) {
        const found = report.findings.filter((f) => f.file === path && f.ruleId === ruleId);
        if (!found.some((f) => f.line === line)) problems.push(`${JSON.stringify(path)}: ${ruleId} expected at ${line}, found at ${JSON.stringify(found.map((f) => f.line))}`);
      }
    }
    expect(problems).toEqual([]);
    // Every hard-to-quote name comes back exactly as it is on disk.
    for (const name of HARD_NAMES) expect(report.findings.some((f) => f.file === `names/${name}`), name).toBe(true);
  });

  it('never reads, follows or names anything outside the target', () => {
    expectNothingFromOutside(full.stdout, 'the JSON report');
    expectNothingFromOutside(full.stderr, 'stderr');
    for (const finding of report.findings) {
      if (finding.file === undefined) continue;
      expect(finding.file.startsWith('/') || finding.file.split('/').includes('..'), finding.file).toBe(false);
    }
    // A .gitignore that is a link out of the target ("*") would have hidden this file's findings.
    expect(report.findings.some((f) => f.file === 'gitignore-link/deployment.yaml')).toBe(true);
  });

  it('stays within bounded memory, a 2 GiB file and a 50 MB line included', () => {
    expect(full.maxRssKiB, 'peak memory recorded').toBeGreaterThan(0);
    expect(full.maxRssKiB!).toBeLessThan(MAX_RSS_KIB);
  });

  it('masks token-shaped strings and neutralises injections in the JSON report', () => {
    const text = full.stdout;
    expect(text).not.toContain('\u001b');
    const snippets = report.findings.filter((f) => f.file?.startsWith('injection/')).map((f) => f.snippet ?? '');
    expect(snippets.some((s) => s.includes('ghp_'))).toBe(true);
    for (const snippet of snippets) for (const token of PLANTED_TOKENS) expect(snippet).not.toContain(token);
  });
});

describe('every output format of the hostile repository', () => {
  const FORMATS = ['sarif', 'junit', 'codequality', 'markdown', 'html', 'json'] as const;
  const outputs = new Map<string, { file: string; run: CliRun }>();

  beforeAll(async () => {
    mkdirSync(join(tree.root, 'out'), { recursive: true });
    // The huge files were proven above; here they would only slow each run down.
    const runs = await Promise.all(
      FORMATS.map((format) =>
        runCli(['check', 'target', '--lang', 'en', '--exclude', 'huge/**', '--format', format, '--output', `out/report.${format}`], {
          cwd: tree.root,
          timeoutMs: SAFETY_TIMEOUT_MS,
        }),
      ),
    );
    FORMATS.forEach((format, i) => {
      const run = runs[i];
      outputs.set(format, { run, file: run.timedOut ? '' : readFileSync(join(tree.root, 'out', `report.${format}`), 'utf8') });
    });
  }, SAFETY_TIMEOUT_MS + 30_000);

  const output = (format: (typeof FORMATS)[number]) => {
    const entry = outputs.get(format)!;
    expect(entry.run.timedOut, `${format}: a hang`).toBe(false);
    expect(entry.run.code, `${format}: ${entry.run.stderr}`).toBe(1);
    return entry.file;
  };

  it('writes valid SARIF whose locations name each hard file name exactly', () => {
    const sarif = JSON.parse(output('sarif')) as { runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    const uris = sarif.runs[0].results.map((r) => r.locations[0].physicalLocation.artifactLocation.uri);
    const files = new Set(uris.map((uri) => uri.split('/').map(decodeURIComponent).join('/')));
    for (const name of HARD_NAMES) expect(files.has(`names/${name}`), name).toBe(true);
    for (const uri of uris) expect(uri).not.toMatch(/[\s"<>\\^`{|}\u0000-\u001f]/);
  });

  it('writes well-formed JUnit XML', () => {
    const xml = output('junit');
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).not.toContain('<script');
  });

  it('writes Code Quality JSON with a path for every issue', () => {
    const issues = JSON.parse(output('codequality')) as { location: { path: string } }[];
    expect(issues.length).toBeGreaterThan(0);
    for (const issue of issues) expect(typeof issue.location.path).toBe('string');
  });

  it('writes Markdown with no HTML, link or CI command from the repository', () => {
    const md = output('markdown');
    expect(md).not.toMatch(/<script|<img|<iframe|<svg/i);
    expect(md).not.toMatch(/(?<!\\)\]\(javascript:/i);
    for (const line of md.split('\n')) expect(line.trimStart().startsWith('::'), line).toBe(false);
  });

  it('writes an HTML report in which the repository adds no script, handler or javascript: link', () => {
    const html = output('html');
    const dom = parseDocument(html);
    const elements = DomUtils.findAll((el: Element) => true, dom.children);
    const scripts = elements.filter((el) => el.name === 'script');
    for (const script of scripts) expect(DomUtils.textContent(script)).not.toMatch(/cadre-xss|alert\(/);
    expect(elements.filter((el) => Object.keys(el.attribs).some((name) => name.startsWith('on')))).toEqual([]);
    expect(elements.filter((el) => /^\s*javascript:/i.test(el.attribs.href ?? ''))).toEqual([]);
    expect(elements.filter((el) => el.name === 'img' && el.attribs.src === 'x')).toEqual([]);
  });

  it('prints console output without escape sequences or lines a CI runner would take for a command', () => {
    for (const format of FORMATS) {
      const console = outputs.get(format)!.run.stdout;
      expect(console.length).toBeGreaterThan(0);
      expect(console).not.toContain('\u001b');
      expect(console).not.toMatch(/##\[|##vso\[/i);
      for (const line of console.split('\n')) expect(line.trimStart().startsWith('::'), JSON.stringify(line)).toBe(false);
    }
  });

  it('never shows a token or anything from outside the target, in any format', () => {
    for (const format of FORMATS) {
      const { run, file } = outputs.get(format)!;
      expectNothingFromOutside(file, format);
      expectNothingFromOutside(run.stdout, `${format} console`);
      expectNothingFromOutside(run.stderr, `${format} stderr`);
      if (format !== 'html') expect(file, format).not.toContain('\u001b');
    }
  });
});

describe('a target that is not a folder', () => {
  it('is a usage error (exit 2) that says so', async () => {
    const run = await runCli(['check', 'target/clean/Dockerfile', '--format', 'json'], { cwd: tree.root, timeoutMs: SAFETY_TIMEOUT_MS });
    expect(run.timedOut).toBe(false);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^cadre: target is not a folder: /);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
