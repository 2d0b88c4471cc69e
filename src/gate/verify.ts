// Verifying a stored report before deployment: it is a cadre report, it was produced for the
// commit being deployed, and it passes the gate. Each failed condition is given as a reason.

import { readFileSync } from 'node:fs';
import type { Report } from '../model/types.js';
import { cadreValidator } from '../json-schema.js';
import { evaluateGate, type FailOn } from './gate.js';

export interface VerifyRequest {
  reportPath: string;
  commit?: string;
  failOn: FailOn;
}

export interface VerifyResult {
  ok: boolean;
  reasons: string[];
  report?: Report;
}

export function verifyReport(request: VerifyRequest): VerifyResult {
  let report: Report;
  try {
    report = JSON.parse(readFileSync(request.reportPath, 'utf8')) as Report;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, reasons: [code === 'ENOENT' ? 'report not found' : `report is not readable JSON (${code ?? (error as Error).message})`] };
  }
  const validator = cadreValidator('report');
  if (!validator(report)) {
    const first = validator.errors?.[0];
    return { ok: false, reasons: [`not a cadre report: ${first?.instancePath || '(root)'} ${first?.message ?? ''}`.trim()] };
  }
  const reasons: string[] = [];
  if (request.commit && report.target.commit !== request.commit) {
    reasons.push(`report is for commit ${report.target.commit ?? '(none)'}, not ${request.commit}`);
  }
  const gate = evaluateGate(report, request.failOn);
  if (!gate.passed) reasons.push(`${gate.blocking} finding(s) at "${request.failOn}" or above`);
  return { ok: reasons.length === 0, reasons, report };
}
