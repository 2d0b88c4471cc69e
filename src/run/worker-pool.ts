// Spreading files over worker threads. Files go out in small batches as threads free up;
// outcomes come back in any order and are put back in path order, so the report never
// depends on the number of threads.

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
  sizes: [string, number][];
}

const BATCH = 32;

/** The compiled worker entry: beside this module once built, or in lib/ when running from sources. */
export function workerEntry(): string | undefined {
  const sibling = fileURLToPath(new URL('./worker.js', import.meta.url));
  if (existsSync(sibling)) return sibling;
  const built = join(packageRoot(), 'lib', 'run', 'worker.js');
  return existsSync(built) ? built : undefined;
}

export async function scanInWorkers(
  setup: WorkerSetup,
  tasks: FileTask[],
  threads: number,
  entry: string,
  onProgress?: (done: number, total: number) => void,
): Promise<{ outcomes: FileOutcome[]; timings: ScannerTimings }> {
  const outcomes: FileOutcome[] = new Array(tasks.length);
  const timings: ScannerTimings = { read: 0, evaluate: 0, parse: {}, rules: new Map() };
  let next = 0;
  let done = 0;

  const runWorker = () =>
    new Promise<void>((resolve, reject) => {
      const worker = new Worker(entry, { workerData: setup });
      let batchStart = 0;
      const sendNext = () => {
        if (next >= tasks.length) {
          worker.postMessage({ done: true });
          return;
        }
        batchStart = next;
        next = Math.min(tasks.length, next + BATCH);
        worker.postMessage({ batch: batchStart, tasks: tasks.slice(batchStart, next) });
      };
      worker.on('message', (message: { batch: number; outcomes: FileOutcome[] } | { timings: Omit<ScannerTimings, 'rules'> & { rules: RuleTiming[] } }) => {
        if ('timings' in message) {
          mergeTimings(timings, message.timings);
          void worker.terminate().then(() => resolve());
          return;
        }
        message.outcomes.forEach((outcome, i) => (outcomes[message.batch + i] = outcome));
        done += message.outcomes.length;
        onProgress?.(done, tasks.length);
        sendNext();
      });
      worker.on('error', reject);
      sendNext();
    });

  await Promise.all(Array.from({ length: Math.max(1, Math.min(threads, Math.ceil(tasks.length / BATCH))) }, runWorker));
  return { outcomes, timings };
}

function mergeTimings(into: ScannerTimings, from: Omit<ScannerTimings, 'rules'> & { rules: RuleTiming[] }): void {
  into.read += from.read;
  into.evaluate += from.evaluate;
  for (const [kind, ms] of Object.entries(from.parse)) into.parse[kind as keyof ScannerTimings['parse']] = (into.parse[kind as keyof ScannerTimings['parse']] ?? 0) + ms!;
  for (const rule of from.rules) {
    const entry = into.rules.get(rule.ruleId);
    if (entry) {
      entry.milliseconds += rule.milliseconds;
      entry.files += rule.files;
    } else into.rules.set(rule.ruleId, { ...rule });
  }
}
