// A scanning thread: compiles the rules once, then scans the batches of files it is sent.

import { parentPort, workerData } from 'node:worker_threads';
import { FileScanner, type FileTask } from './file-scanner.js';
import type { WorkerSetup } from './worker-pool.js';

const setup = workerData as WorkerSetup;
const scanner = new FileScanner(setup.rules, setup.options, {
  files: setup.files,
  directories: setup.directories,
  fileSet: new Set(setup.files),
  directorySet: new Set(setup.directories),
  sizes: new Map(setup.sizes),
  objects: [],
});

parentPort!.on('message', (message: { batch: number; tasks: FileTask[] } | { done: true }) => {
  if ('done' in message) {
    const { read, evaluate, parse, rules } = scanner.timings;
    parentPort!.postMessage({ timings: { read, evaluate, parse, rules: [...rules.values()] } });
    return;
  }
  parentPort!.postMessage({ batch: message.batch, outcomes: message.tasks.map((task) => scanner.scan(task)) });
});
