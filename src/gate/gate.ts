// The gate: does the report block? A finding at or above the threshold does, unless a waiver
// covers it (baseline findings are not in the report at all).

import { SEVERITIES, type Report, type Severity } from '../model/types.js';

export type FailOn = Severity | 'none';

export interface GateResult {
  passed: boolean;
  failOn: FailOn;
  /** Findings at or above the threshold. */
  blocking: number;
}

export function severityRank(severity: Severity): number {
  return SEVERITIES.length - SEVERITIES.indexOf(severity);
}

export function atOrAbove(severity: Severity, threshold: Severity): boolean {
  return severityRank(severity) >= severityRank(threshold);
}

export function evaluateGate(report: Report, failOn: FailOn): GateResult {
  if (failOn === 'none') return { passed: true, failOn, blocking: 0 };
  const blocking = report.findings.filter((f) => !f.waiver && atOrAbove(f.severity, failOn)).length;
  return { passed: blocking === 0, failOn, blocking };
}
