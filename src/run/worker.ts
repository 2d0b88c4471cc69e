// A scanning thread: compiles the rules once, then scans the batches of files it is sent,
// writing the file in progress to shared memory for the pool's watchdog.

import { parentPort, workerData } from 'node:worker_threads';
import { repositoryTree } from '../evaluate/checks/check.js';
import { FileScanner, type FileTask } from './file-scanner.js';
import type { WorkerSetup } from './worker-pool.js';

const setup = workerData as WorkerSetup;
const status = setup.status!;
const scanner = new FileScanner(setup.rules, setup.options, repositoryTree(setup.options.target, setup.files, setup.directories));

parentPort!.on('message', (message: { batch: number[]; tasks: FileTask[] } | { done: true }) => {
  if ('done' in message) {
    const { read, evaluate, parse, rules } = scanner.timings;
    parentPort!.postMessage({ timings: { read, evaluate, parse, rules: [...rules.values()] } });
    return;
  }
  const outcomes = message.tasks.map((task, i) => {
    status[1] = Date.now();
    status[0] = message.batch[i];
    const outcome = scanner.scan(task);
    status[0] = -1;
    return outcome;
  });
  parentPort!.postMessage({ batch: message.batch, outcomes });
});
