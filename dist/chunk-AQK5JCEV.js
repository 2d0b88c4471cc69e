import { createRequire as __cadreCreateRequire } from 'node:module';
const require = __cadreCreateRequire(import.meta.url);
import {
  SEVERITIES
} from "./chunk-XADHSC5L.js";

// src/gate/gate.ts
function severityRank(severity) {
  return SEVERITIES.length - SEVERITIES.indexOf(severity);
}
function atOrAbove(severity, threshold) {
  return severityRank(severity) >= severityRank(threshold);
}
function evaluateGate(report, failOn) {
  if (failOn === "none") return { passed: true, failOn, blocking: 0 };
  const blocking = report.findings.filter((f) => !f.waiver && atOrAbove(f.severity, failOn)).length;
  return { passed: blocking === 0, failOn, blocking };
}

export {
  severityRank,
  atOrAbove,
  evaluateGate
};
