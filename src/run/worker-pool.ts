// Spreading files over worker threads. Files go out in small batches as threads free up;
// outcomes come back in any order and are put back in path order, so the report never
// depends on the number of threads.
//
// Threads also make the per-file time budget a guarantee: each thread writes the file it is
// on and since when into shared memory; a watchdog ends a thread stuck on one file past the
// budget (a catastrophic expression, a parser trapped by a hostile file), records that file
// as skipped, and a fresh thread takes over the rest of the batch.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Rule } from '../model/types.js';
import type { RuleTiming } from '../evaluate/evaluate-file.js';
import { packageRoot } from '../package-root.js';
import type { FileOutcome, FileTask, ScannerOptions, ScannerTimings } from './file-scanner.js';

export interface WorkerSetup {
  rules: Rule[];
  options: ScannerOptions;
  files: string[];
  directories: string[];
  /** [index of the task in progress or -1, Date.now() when it started] */
  status?: Float64Array;
}

export interface PoolOptions {
  threads: number;
  entry: string;
  /** Milliseconds one file may take; 0 for no limit. */
  fileTimeBudgetMs: number;
  onProgress?: (done: number, total: number) => void;
}

const BATCH = 32;
const WATCH_EVERY_MS = 100;

/** The compiled worker entry: beside this module once built, or in lib/ when running from sources. */
export function workerEntry(): string | undefined {
  const sibling = fileURLToPath(new URL('./worker.js', import.meta.url));
  if (existsSync(sibling)) return sibling;
  const built = join(packageRoot(), 'lib', 'run', 'worker.js');
  return existsSync(built) ? built : undefined;
}

type WorkerMessage = { batch: number[]; outcomes: FileOutcome[] } | { timings: Omit<ScannerTimings, 'rules'> & { rules: RuleTiming[] } };

export async function scanInWorkers(setup: WorkerSetup, tasks: FileTask[], pool: PoolOptions): Promise<{ outcomes: FileOutcome[]; timings: ScannerTimings }> {
  const outcomes: (FileOutcome | undefined)[] = new Array(tasks.length);
  const timings: ScannerTimings = { read: 0, evaluate: 0, parse: {}, rules: new Map() };
  const queue: number[] = tasks.map((_, i) => i);
  let done = 0;
  const record = (index: number, outcome: FileOutcome) => {
    if (outcomes[index]) return;
    outcomes[index] = outcome;
    pool.onProgress?.(++done, tasks.length);
  };

  const runWorker = (): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      const status = new Float64Array(new SharedArrayBuffer(16));
      status[0] = -1;
      const worker = new Worker(pool.entry, { workerData: { ...setup, status } });
      let current: number[] = [];
      let settled = false;
      const finish = (action: () => void) => {
        if (settled) return;
        settled = true;
        clearInterval(watchdog);
        action();
      };
      const sendNext = () => {
        current = queue.splice(0, BATCH);
        if (current.length === 0) worker.postMessage({ done: true });
        else worker.postMessage({ batch: current, tasks: current.map((i) => tasks[i]) });
      };
      const watchdog = setInterval(() => {
        const index = status[0];
        if (pool.fileTimeBudgetMs <= 0 || index < 0 || Date.now() - status[1] <= pool.fileTimeBudgetMs) return;
        const task = tasks[index];
        record(index, {
          path: task.path,
          scanned: false,
          findings: [],
          errors: [],
          suppressions: [],
          objects: [],
          ...(task.evaluate ? { skipped: { file: task.path, reason: 'time-budget', detail: `> ${pool.fileTimeBudgetMs} ms` } } : {}),
        });
        queue.unshift(...current.filter((i) => !outcomes[i]));
        finish(() => {
          void worker.terminate();
          runWorker().then(resolve, reject);
        });
      }, WATCH_EVERY_MS);
      worker.on('message', (message: WorkerMessage) => {
        if ('timings' in message) {
          mergeTimings(timings, message.timings);
          finish(() => void worker.terminate().then(() => resolve()));
          return;
        }
        message.outcomes.forEach((outcome, i) => record(message.batch[i], outcome));
        sendNext();
      });
      worker.on('error', (error) => finish(() => reject(error)));
      sendNext();
    });

  const threads = Math.max(1, Math.min(pool.threads, Math.ceil(tasks.length / BATCH)));
  await Promise.all(Array.from({ length: threads }, runWorker));
  return { outcomes: outcomes as FileOutcome[], timings };
}

function mergeTimings(into: ScannerTimings, from: Omit<ScannerTimings, 'rules'> & { rules: RuleTiming[] }): void {
  into.read += from.read;
  into.evaluate += from.evaluate;
  for (const [kind, ms] of Object.entries(from.parse) as [keyof ScannerTimings['parse'], number][]) into.parse[kind] = (into.parse[kind] ?? 0) + ms;
  for (const rule of from.rules) {
    const entry = into.rules.get(rule.ruleId);
    if (entry) {
      entry.milliseconds += rule.milliseconds;
      entry.files += rule.files;
    } else into.rules.set(rule.ruleId, { ...rule });
  }
}
