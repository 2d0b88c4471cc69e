// Verifying a stored report before deployment: it is a cadre report, signed by the expected key when
// one is given (and unchanged since), produced for the commit being deployed, recent enough, and it
// passes the gate. Each failed condition is given as a reason. The checks themselves live in
// src/audit/sign.ts; this reads the file.

import { readFileSync } from 'node:fs';
import type { Report } from '../model/types.js';
import type { FailOn } from './gate.js';
import { verifySignedReport, type SignatureStatus } from '../audit/sign.js';

export interface VerifyRequest {
  /** A report (signed or not) or a DSSE envelope holding one. */
  reportPath: string;
  commit?: string;
  failOn: FailOn;
  /** SPKI PEM text (not a path). When given, a valid signature by this key is required. */
  publicKeyPem?: string;
  /** The scan must be at most this old (see parseDuration in src/audit/sign.ts). */
  maxAgeMs?: number;
  now?: Date;
}

export interface VerifyResult {
  ok: boolean;
  reasons: string[];
  report?: Report;
  signature?: SignatureStatus;
}

export function verifyReport(request: VerifyRequest): VerifyResult {
  let reportText: string;
  try {
    reportText = readFileSync(request.reportPath, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, reasons: [code === 'ENOENT' ? 'report not found' : `report is not readable (${code ?? (error as Error).message})`] };
  }
  const { reportPath: _path, ...rest } = request;
  return verifySignedReport({ ...rest, reportText });
}
