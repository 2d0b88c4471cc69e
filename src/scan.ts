// The core of cadre, in the order data flows: discover the files, read and parse each one
// once, evaluate the rules that apply to it, then build the canonical report.
// The CLI and the CI adapters call this; it knows nothing of them.

import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding, Lang, Report, Rule, ScanError, SkippedFile } from './model/types.js';
import { discover } from './discover/walk.js';
import { readText } from './parse/read.js';
import { SourceFile, type ParsedKind } from './parse/source-file.js';
import { RuleIndex } from './evaluate/compile.js';
import { collectObjectFacts, evaluateFile, evaluateRepository, type RuleTiming } from './evaluate/evaluate-file.js';
import { FindingBuilder } from './evaluate/findings.js';
import type { RepositoryTree } from './evaluate/checks/check.js';
import { buildReport } from './report/build.js';
import { findInlineSuppressions, type InlineSuppression } from './waive/inline.js';
import { applyWaivers } from './waive/apply.js';
import { applyBaseline } from './waive/baseline.js';
import type { Waiver } from './waive/waiver-file.js';
import { packageVersion } from './package-root.js';

export const DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024;

export interface ScanOptions {
  /** Folder to scan. */
  target: string;
  /** How the target is named in the report (default: as given). */
  targetName?: string;
  rules: Rule[];
  lang: Lang;
  profile?: string;
  include?: string[];
  exclude?: string[];
  gitignore?: boolean;
  maxFileSize?: number;
  /** Collect per-phase and per-rule timings. */
  timings?: boolean;
  /** Accepted risks from the waiver file. */
  waivers?: Waiver[];
  /** A previous report: only findings it does not hold are reported. */
  baseline?: Report;
  /** The day waivers are judged against (YYYY-MM-DD, default today, UTC). */
  today?: string;
}

export interface ScanTimings {
  phases: Record<string, number>;
  parse: Partial<Record<ParsedKind, number>>;
  rules: RuleTiming[];
}

export interface ScanResult {
  report: Report;
  timings?: ScanTimings;
}

export class TargetError extends Error {}

export async function scan(options: ScanOptions): Promise<ScanResult> {
  const startedAt = new Date();
  const clock = performance.now();
  const phases: Record<string, number> = {};
  const lap = (phase: string, since: number) => {
    phases[phase] = (phases[phase] ?? 0) + performance.now() - since;
  };
  assertDirectory(options.target);

  let since = performance.now();
  const index = new RuleIndex(options.rules);
  lap('compile', since);

  since = performance.now();
  const discovery = await discover(options.target, {
    include: options.include,
    exclude: options.exclude,
    gitignore: options.gitignore,
  });
  const repository: RepositoryTree = {
    files: discovery.files.map((f) => f.path),
    directories: discovery.directories,
    fileSet: new Set(discovery.files.map((f) => f.path)),
    directorySet: new Set(discovery.directories),
    sizes: new Map(discovery.files.map((f) => [f.path, f.size])),
    objects: [],
  };
  lap('discover', since);

  const maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const builder = new FindingBuilder(options.lang);
  const findings: Finding[] = [];
  const errors: ScanError[] = [];
  const skipped: SkippedFile[] = [...discovery.skipped];
  const parseTimes: Partial<Record<ParsedKind, number>> = {};
  const ruleTimes = options.timings ? new Map<string, RuleTiming>() : undefined;
  const observe = options.timings
    ? (kind: ParsedKind, ms: number) => {
        parseTimes[kind] = (parseTimes[kind] ?? 0) + ms;
      }
    : undefined;

  const suppressions: InlineSuppression[] = [];
  let scannedFiles = 0;
  for (const entry of discovery.files) {
    const rules = index.rulesFor(entry.path);
    const collectObjects = index.collectsObjectsOf(entry.path);
    if (rules.length === 0 && !collectObjects) continue;
    if (entry.size > maxFileSize) {
      skipped.push({ file: entry.path, reason: 'too-large', detail: `${entry.size} > ${maxFileSize} bytes` });
      continue;
    }
    since = performance.now();
    const read = readText(join(options.target, entry.path), maxFileSize);
    lap('read', since);
    if ('skip' in read) {
      skipped.push({ file: entry.path, reason: read.skip, ...(read.detail ? { detail: read.detail } : {}) });
      continue;
    }
    scannedFiles++;
    since = performance.now();
    const file = new SourceFile(entry.path, read.text, { observe });
    const result = evaluateFile(file, rules, repository, builder, ruleTimes);
    lap('evaluate', since);
    findings.push(...result.findings);
    errors.push(...result.errors);
    suppressions.push(...findInlineSuppressions(file.path, file.text, file.lines));
    if (collectObjects) {
      const collected = collectObjectFacts(file);
      repository.objects.push(...collected.objects);
      if (collected.error && !result.errors.some((e) => e.file === file.path && e.line === collected.error!.line)) errors.push(collected.error);
    }
  }

  since = performance.now();
  const repositoryResult = evaluateRepository(index.repositoryRules, repository, builder);
  findings.push(...repositoryResult.findings);
  errors.push(...repositoryResult.errors);
  lap('evaluate', since);

  since = performance.now();
  const waived = applyWaivers({
    findings,
    waivers: options.waivers ?? [],
    suppressions,
    rules: options.rules,
    today: options.today ?? startedAt.toISOString().slice(0, 10),
  });
  const baselined = options.baseline ? applyBaseline(waived.findings, options.baseline) : undefined;
  lap('waive', since);

  since = performance.now();
  const report = buildReport({
    version: packageVersion(),
    rules: options.rules,
    profile: options.profile,
    targetPath: options.targetName ?? options.target,
    commit: gitCommit(options.target),
    lang: options.lang,
    startedAt,
    durationMs: performance.now() - clock,
    files: scannedFiles,
    findings: baselined?.findings ?? waived.findings,
    skipped,
    errors,
    waivers: waived.records,
    baseline: baselined?.stats,
  });
  lap('report', since);

  if (!options.timings) return { report };
  const parseTotal = Object.values(parseTimes).reduce((a, b) => a + b, 0);
  phases.evaluate = Math.max(0, (phases.evaluate ?? 0) - parseTotal);
  phases.parse = parseTotal;
  return {
    report,
    timings: { phases, parse: parseTimes, rules: [...(ruleTimes?.values() ?? [])].sort((a, b) => b.milliseconds - a.milliseconds) },
  };
}

function assertDirectory(target: string): void {
  let isDirectory = false;
  try {
    isDirectory = statSync(target).isDirectory();
  } catch {
    throw new TargetError(`target not found: ${target}`);
  }
  if (!isDirectory) throw new TargetError(`target is not a folder: ${target}`);
}

/** The commit checked out in the target, when it is a git work tree. */
export function gitCommit(target: string): string | undefined {
  try {
    return execFileSync('git', ['rev-parse', '--verify', '-q', 'HEAD'], {
      cwd: target,
      stdio: ['ignore', 'pipe', 'ignore'],
      encoding: 'utf8',
      timeout: 5000,
    }).trim() || undefined;
  } catch {
    return undefined;
  }
}
