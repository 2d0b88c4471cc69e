import { createRequire as __cadreCreateRequire } from 'node:module';
const require = __cadreCreateRequire(import.meta.url);
import {
  FileScanner,
  repositoryTree
} from "./chunk-RTEKHZBK.js";
import "./chunk-CBBNNE4E.js";

// src/run/worker.ts
import { parentPort, workerData } from "node:worker_threads";
var setup = workerData;
var status = setup.status;
var scanner = new FileScanner(setup.rules, setup.options, repositoryTree(setup.options.target, setup.files, setup.directories));
parentPort.on("message", (message) => {
  if ("done" in message) {
    const { read, evaluate, parse, rules } = scanner.timings;
    parentPort.postMessage({ timings: { read, evaluate, parse, rules: [...rules.values()] } });
    return;
  }
  const outcomes = message.tasks.map((task, i) => {
    status[1] = Date.now();
    status[0] = message.batch[i];
    const outcome = scanner.scan(task);
    status[0] = -1;
    return outcome;
  });
  parentPort.postMessage({ batch: message.batch, outcomes });
});
