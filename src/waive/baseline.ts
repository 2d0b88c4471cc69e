// Baselines: adopt cadre on a legacy code base without being blocked by its past. Findings
// already in a previous report (same fingerprint) are left out; only new ones are reported
// and gated, and the report says how many of the old ones were fixed.

import { readFileSync } from 'node:fs';
import type { Finding, Report } from '../model/types.js';
import { ConfigError } from '../config/load.js';
import { cadreValidator } from '../json-schema.js';

export interface BaselineResult {
  findings: Finding[];
  stats: { findings: number; unchanged: number; fixed: number; new: number };
}

export function loadBaseline(path: string, display: string): Report {
  let report: unknown;
  try {
    report = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ConfigError(display, [{ message: `baseline is not a readable JSON report (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` }]);
  }
  const validate = cadreValidator('report');
  if (!validate(report)) throw new ConfigError(display, [{ message: `baseline is not a cadre report: ${validate.errors?.[0]?.instancePath} ${validate.errors?.[0]?.message}` }]);
  return report as Report;
}

export function applyBaseline(findings: Finding[], baseline: Report): BaselineResult {
  const known = new Set(baseline.findings.map((f) => f.fingerprint));
  const current = new Set(findings.map((f) => f.fingerprint));
  const fresh = findings.filter((f) => !known.has(f.fingerprint));
  return {
    findings: fresh,
    stats: {
      findings: baseline.findings.length,
      unchanged: findings.length - fresh.length,
      fixed: [...known].filter((fingerprint) => !current.has(fingerprint)).length,
      new: fresh.length,
    },
  };
}
