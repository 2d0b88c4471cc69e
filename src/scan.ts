// The core of cadre, in the order data flows: discover the files, read and parse each one
// once (src/run/file-scanner.ts, in worker threads on large repositories, skipped when the
// cache knows the file), evaluate repository rules, waive, then build the canonical report.
// The CLI and the CI adapters call this; it knows nothing of them.

import { execFileSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { lstatSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding, Lang, Report, Rule, ScanError, SkippedFile } from './model/types.js';
import { discover, type DiscoveredFile } from './discover/walk.js';
import type { ParsedKind } from './parse/source-file.js';
import { repositoryTree, type RepositoryTree } from './evaluate/checks/check.js';
import { evaluateRepository, type RuleTiming } from './evaluate/evaluate-file.js';
import { FindingBuilder } from './evaluate/findings.js';
import { FileScanner, type FileOutcome, type FileTask, type ScannerOptions, type ScannerTimings } from './run/file-scanner.js';
import { scanInWorkers, workerEntry } from './run/worker-pool.js';
import { ContentCache, type FileStamp, type RepositoryOutcome } from './run/cache.js';
import { inShard, type Shard } from './run/shard.js';
import { applyWaivers } from './waive/apply.js';
import { applyBaseline } from './waive/baseline.js';
import type { InlineSuppression } from './waive/inline.js';
import type { Waiver } from './waive/waiver-file.js';
import { buildReport, rulesetDigest } from './report/build.js';
import { FindingCap } from './report/cap.js';
import { packageVersion } from './package-root.js';

export const DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024;
export const DEFAULT_MAX_FINDINGS_PER_RULE = 1000;
export const DEFAULT_FILE_TIME_BUDGET_MS = 30_000;
/**
 * A scan this small with trusted rules runs in the main thread: a thread costs about half a
 * second to start (modules, compiled checks), about what 700 files take to scan, so two threads
 * pay off only beyond some 1,500 files even on two real cores (npm run bench).
 */
const SMALL_SCAN = 1000;
/** Below this many files, starting threads costs more than it saves. */
const FILES_PER_EXTRA_WORKER = 400;

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
  /** Findings kept per rule; the rest are counted in the report's limits. */
  maxFindingsPerRule?: number;
  /** Collect per-phase and per-rule timings. */
  timings?: boolean;
  /** Accepted risks from the waiver file. */
  waivers?: Waiver[];
  /** A previous report: only findings it does not hold are reported. */
  baseline?: Report;
  /** The day waivers are judged against (YYYY-MM-DD, default today, UTC). */
  today?: string;
  /**
   * Worker threads: a number, or 'auto' (by repository size and available cores; default).
   * 0 scans in the main thread, where the per-file time budget cannot be enforced.
   */
  workers?: number | 'auto';
  /** Milliseconds one file may take before it is abandoned and listed as skipped (0: no limit). */
  fileTimeBudgetMs?: number;
  /** Folder of the content cache; no cache when absent. */
  cacheDir?: string;
  shard?: Shard;
  /**
   * Only cadre's own rules are in force (reviewed and tested on hostile files): a small scan
   * may then run in the main thread, saving the start of a thread.
   */
  trustedRules?: boolean;
  /** Called as files are done, for a progress display. */
  onProgress?: (done: number, total: number) => void;
}

export interface ScanTimings {
  phases: Record<string, number>;
  parse: Partial<Record<ParsedKind, number>>;
  rules: RuleTiming[];
}

export interface ScanResult {
  report: Report;
  timings?: ScanTimings;
  /** Files whose outcome came from the cache. */
  cacheHits: number;
  /** Threads used (0: the main thread). */
  workers: number;
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
  const discovery = await discover(options.target, { include: options.include, exclude: options.exclude, gitignore: options.gitignore });
  const repository: RepositoryTree = repositoryTree(options.target, discovery.files.map((f) => f.path), discovery.directories);
  lap('discover', since);

  since = performance.now();
  const scannerOptions = { target: options.target, lang: options.lang, maxFileSize: options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE, timings: Boolean(options.timings) };
  const scanner = new FileScanner(options.rules, scannerOptions, repository);
  lap('compile', since);

  const version = packageVersion();
  const maxPerRule = options.maxFindingsPerRule ?? DEFAULT_MAX_FINDINGS_PER_RULE;
  const cache = options.cacheDir
    ? ContentCache.at(options.cacheDir, options.rules, rulesetDigest(options.rules), version, JSON.stringify([options.lang, scannerOptions.maxFileSize, maxPerRule]))
    : undefined;

  const runsRepositoryRules = !options.shard || options.shard.index === 1;
  const { tasks, partial } = planTasks(discovery.files, scanner, cache, options.shard);
  since = performance.now();
  let tree: string | undefined;
  const treeDigest = () => (tree ??= ContentCache.treeDigest(repository.files, repository.directories));
  const treeOf = (task: FileTask) => (task.usesTree ? treeDigest() : undefined);
  const { outcomes, timings, threads } = await scanFiles(tasks, { options, scanner, scannerOptions, repository, cache, treeOf });
  lap('files', since);

  const capped = new FindingCap(maxPerRule);
  const errors: ScanError[] = [];
  const skipped: SkippedFile[] = [...discovery.skipped.filter((s) => inShard(s.file, options.shard))];
  const suppressions: InlineSuppression[] = [];
  let scannedFiles = 0;
  let cacheHits = 0;
  outcomes.forEach((outcome, index) => {
    const task = tasks[index];
    if (cache && outcome.hash && !partial.has(task)) cache.set(task, outcome.hash, outcome.stamp, treeOf(task), outcome);
    if (outcome.fromCache) cacheHits++;
    repository.objects.push(...outcome.objects);
    if (!inShard(outcome.path, options.shard)) return;
    if (outcome.scanned) scannedFiles++;
    if (outcome.skipped) skipped.push(outcome.skipped);
    capped.add(outcome.findings);
    errors.push(...outcome.errors);
    suppressions.push(...outcome.suppressions);
  });

  since = performance.now();
  if (runsRepositoryRules) {
    // With a cache, the repository rules are not evaluated again when nothing they look at changed.
    const known = cache && cacheHits === outcomes.length ? cache.repositoryOutcome(treeDigest(), (path) => repository.sizeOf(path)) : undefined;
    const repositoryResult = known ?? cappedPerRule(evaluateRepository(scanner.index.repositoryRules, repository, new FindingBuilder(options.lang)), maxPerRule);
    if (cache && !known) cache.setRepositoryOutcome(treeDigest(), repository.sizesAsked, repositoryResult);
    capped.add(repositoryResult.findings);
    capped.addOmitted(repositoryResult.truncated);
    errors.push(...repositoryResult.errors);
  }
  cache?.save();
  lap('repository', since);

  since = performance.now();
  const kept = capped.result();
  const waived = applyWaivers({
    findings: kept.findings,
    waivers: options.waivers ?? [],
    suppressions,
    rules: options.rules,
    today: options.today ?? startedAt.toISOString().slice(0, 10),
  });
  const baselined = options.baseline ? applyBaseline(waived.findings, options.baseline) : undefined;
  lap('waive', since);

  since = performance.now();
  const report = buildReport({
    version,
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
    truncated: kept.truncated,
    shard: options.shard,
  });
  lap('report', since);

  const result: ScanResult = { report, cacheHits, workers: threads };
  if (!options.timings) return result;
  const parseTotal = Object.values(timings.parse).reduce((a, b) => a + b!, 0);
  Object.assign(phases, { read: timings.read, parse: parseTotal, evaluate: Math.max(0, timings.evaluate - parseTotal) });
  return { ...result, timings: { phases, parse: timings.parse, rules: [...timings.rules.values()].sort((a, b) => b.milliseconds - a.milliseconds) } };
}

/** At least one thread (the time budget needs one), more as the repository grows. */
function stampOf(path: string): FileStamp | undefined {
  try {
    const stat = lstatSync(path);
    return { size: stat.size, mtimeMs: stat.mtimeMs, ino: stat.ino };
  } catch {
    return undefined;
  }
}

/**
 * What each discovered file needs: its task from the cache when the cache knows the path (the same
 * rules apply to it), else from the rule index. A shard evaluates only its own files; shard 1 also
 * reads the Kubernetes objects of the others', since repository rules need them all. Tasks cut down
 * by the shard are partial: their outcomes are never stored in the cache.
 */
function planTasks(files: DiscoveredFile[], scanner: FileScanner, cache: ContentCache | undefined, shard: Shard | undefined): { tasks: FileTask[]; partial: Set<FileTask> } {
  const runsRepositoryRules = !shard || shard.index === 1;
  const tasks: FileTask[] = [];
  const partial = new Set<FileTask>();
  for (const { path } of files) {
    const task = cache?.taskOf(path) ?? scanner.taskFor(path);
    if (!task) continue;
    const full = { evaluate: task.evaluate, collectObjects: task.collectObjects };
    if (!inShard(path, shard)) {
      if (!(runsRepositoryRules && task.collectObjects)) continue;
      task.evaluate = false;
    }
    if (!runsRepositoryRules) task.collectObjects = false;
    if (task.evaluate !== full.evaluate || task.collectObjects !== full.collectObjects) partial.add(task);
    if (task.evaluate || task.collectObjects) tasks.push(task);
  }
  return { tasks, partial };
}

interface FilesContext {
  options: ScanOptions;
  scanner: FileScanner;
  scannerOptions: ScannerOptions;
  repository: RepositoryTree;
  cache: ContentCache | undefined;
  treeOf: (task: FileTask) => string | undefined;
}

/**
 * The outcome of every task, in task order. Files the cache knows unchanged by their stamp are not
 * read at all; the others are read once, in worker threads or in the main thread, and those whose
 * content hash is the recorded one are not evaluated again.
 */
async function scanFiles(tasks: FileTask[], context: FilesContext): Promise<{ outcomes: FileOutcome[]; timings: ScannerTimings; threads: number }> {
  const { options, scanner, scannerOptions, repository, cache, treeOf } = context;
  const outcomes: FileOutcome[] = new Array(tasks.length);
  const pending: number[] = [];
  tasks.forEach((task, index) => {
    const known = cache?.unchanged(task.path, () => stampOf(join(options.target, task.path)), treeOf(task));
    if (known) {
      outcomes[index] = { ...known, fromCache: true };
      return;
    }
    if (cache) {
      task.hash = true;
      const cached = cache.entry(task.path, treeOf(task));
      if (cached) task.cached = { hash: cached.hash, outcome: cached.outcome };
    }
    pending.push(index);
  });
  const toScan = pending.map((index) => tasks[index]);
  const threads = options.workers === undefined && options.trustedRules && toScan.length <= SMALL_SCAN ? 0 : workerCount(options.workers, toScan.length);
  const entry = threads > 0 && toScan.length > 0 ? workerEntry() : undefined;
  let scanned: FileOutcome[];
  let timings: ScannerTimings;
  if (entry) {
    const setup = { rules: options.rules, options: scannerOptions, files: repository.files, directories: repository.directories };
    ({ outcomes: scanned, timings } = await scanInWorkers(setup, toScan, {
      threads,
      entry,
      fileTimeBudgetMs: options.fileTimeBudgetMs ?? DEFAULT_FILE_TIME_BUDGET_MS,
      onProgress: options.onProgress,
    }));
  } else {
    scanned = toScan.map((task, i) => {
      const outcome = scanner.scan(task);
      options.onProgress?.(i + 1, toScan.length);
      return outcome;
    });
    timings = scanner.timings;
  }
  pending.forEach((index, i) => (outcomes[index] = scanned[i]));
  return { outcomes, timings, threads: entry ? threads : 0 };
}

/** A repository outcome with each rule's findings already capped: it is kept that way in the cache. */
function cappedPerRule(outcome: { findings: Finding[]; errors: ScanError[] }, max: number): RepositoryOutcome {
  const cap = new FindingCap(max);
  cap.add(outcome.findings);
  return { ...cap.result(), errors: outcome.errors };
}

function workerCount(requested: number | 'auto' | undefined, files: number): number {
  if (typeof requested === 'number') return Math.max(0, Math.floor(requested));
  return Math.max(1, Math.min(availableParallelism(), Math.ceil(files / FILES_PER_EXTRA_WORKER)));
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
    return (
      execFileSync('git', ['rev-parse', '--verify', '-q', 'HEAD'], { cwd: target, stdio: ['ignore', 'pipe', 'ignore'], encoding: 'utf8', timeout: 5000 }).trim() ||
      undefined
    );
  } catch {
    return undefined;
  }
}
