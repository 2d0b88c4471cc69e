// Signed reports: an auditor trusts a report because it verifies with the key of whoever runs the
// pipeline, not because a subcontractor hands it over.
//
// What is signed: the canonical JSON of the report (src/report/build.ts: keys sorted at every level,
// no whitespace), with its `signature` object present but without `value`. Everything in the report
// is therefore covered: findings, waivers, scores, the tool version, the rule-set digest, the commit
// (`target.commit`) and the time of the scan (`startedAt`), and also the signature's own algorithm,
// key id and `signedAt`. The report is copied through JSON first, so the bytes signed are those of
// the report as written, whatever its layout on disk; whitespace and key order of the file do not
// matter, any change of a value does.
//
// Optionally the signed report is carried as an in-toto Statement v1 whose subject is the scanned
// commit, in a DSSE envelope (signature over the DSSE pre-authentication encoding), so that
// supply-chain tools that store attestations can carry it.

import { sign as cryptoSign, verify as cryptoVerify, type KeyObject } from 'node:crypto';
import type { Report, ReportSignature } from '../model/types.js';
import { canonicalJson } from '../report/build.js';
import { cadreValidator } from '../json-schema.js';
import { evaluateGate, type FailOn } from '../gate/gate.js';
import { KeyError, keyIdOf, loadPrivateKey, loadPublicKey } from './keys.js';

export const SIGNATURE_ALGORITHM = 'ed25519';
export const IN_TOTO_STATEMENT_TYPE = 'https://in-toto.io/Statement/v1';
export const IN_TOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json';
export const CADRE_PREDICATE_TYPE = 'https://cadre.numerique.gouv.fr/attestation/report/v1';

/** A report dated this far in the future is refused when an age limit applies (clocks drift a little). */
const CLOCK_SKEW_MS = 5 * 60 * 1000;

export interface InTotoStatement {
  _type: typeof IN_TOTO_STATEMENT_TYPE;
  subject: { name: string; digest: Record<string, string> }[];
  predicateType: typeof CADRE_PREDICATE_TYPE;
  predicate: Report;
}

export interface DsseEnvelope {
  payloadType: string;
  /** Base64 of the statement's bytes. */
  payload: string;
  signatures: { keyid: string; sig: string }[];
}

export class SigningError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SigningError';
  }
}

export interface SignOptions {
  /** Wrap the signed report in an in-toto statement inside a DSSE envelope. */
  attestation?: boolean;
  /** The signing time recorded as `signature.signedAt` (default: now). */
  now?: Date;
}

/**
 * Signs a report with an Ed25519 private key (PKCS#8 PEM). Returns the report with its `signature`
 * (a previous signature is replaced), or with `attestation: true` a DSSE envelope around an in-toto
 * statement whose predicate is that signed report. Throws KeyError for an unusable key and
 * SigningError for an attestation of a report without a commit.
 */
export function signReport(report: Report, privateKeyPem: string, options?: SignOptions & { attestation?: false }): Report;
export function signReport(report: Report, privateKeyPem: string, options: SignOptions & { attestation: true }): DsseEnvelope;
export function signReport(report: Report, privateKeyPem: string, options?: SignOptions): Report | DsseEnvelope;
export function signReport(report: Report, privateKeyPem: string, options: SignOptions = {}): Report | DsseEnvelope {
  const key = loadPrivateKey(privateKeyPem);
  const signed = signWith(report, key, options.now ?? new Date());
  return options.attestation ? envelopeFor(signed, key) : signed;
}

/** signReport with `attestation: true`. */
export function attestReport(report: Report, privateKeyPem: string, options: { now?: Date } = {}): DsseEnvelope {
  return signReport(report, privateKeyPem, { ...options, attestation: true });
}

/** The bytes a report signature covers: canonical JSON, the signature's `value` left out. */
export function signedBytes(report: Report | Record<string, unknown>): Buffer {
  const { signature, ...rest } = report as Record<string, unknown>;
  const covered = signature !== null && typeof signature === 'object' ? { ...rest, signature: { ...signature, value: undefined } } : rest;
  return Buffer.from(canonicalJson(covered), 'utf8');
}

/** DSSE pre-authentication encoding: "DSSEv1" SP len(type) SP type SP len(body) SP body, lengths in bytes. */
export function pae(payloadType: string, body: Buffer): Buffer {
  const type = Buffer.from(payloadType, 'utf8');
  return Buffer.concat([Buffer.from(`DSSEv1 ${type.length} `), type, Buffer.from(` ${body.length} `), body]);
}

function signWith(report: Report, key: KeyObject, now: Date): Report {
  const plain = JSON.parse(JSON.stringify(report)) as Report;
  delete plain.signature;
  const signature: ReportSignature = { algorithm: SIGNATURE_ALGORITHM, keyId: keyIdOf(key), value: '', signedAt: now.toISOString() };
  const value = cryptoSign(null, signedBytes({ ...plain, signature }), key).toString('base64');
  return { ...plain, signature: { ...signature, value } };
}

function envelopeFor(signed: Report, key: KeyObject): DsseEnvelope {
  const commit = signed.target.commit;
  if (!commit) throw new SigningError('an attestation names the scanned commit, and this report has none: scan a git work tree');
  const statement: InTotoStatement = {
    _type: IN_TOTO_STATEMENT_TYPE,
    subject: [{ name: signed.target.path, digest: { gitCommit: commit } }],
    predicateType: CADRE_PREDICATE_TYPE,
    predicate: signed,
  };
  const body = Buffer.from(canonicalJson(statement), 'utf8');
  return {
    payloadType: IN_TOTO_PAYLOAD_TYPE,
    payload: body.toString('base64'),
    signatures: [{ keyid: keyIdOf(key), sig: cryptoSign(null, pae(IN_TOTO_PAYLOAD_TYPE, body), key).toString('base64') }],
  };
}

// ---------------------------------------------------------------------------------------------

export interface SignedVerifyRequest {
  /** The file's text: a report (signed or not) or a DSSE envelope. */
  reportText?: string;
  /** Or the parsed JSON. */
  report?: unknown;
  /** SPKI PEM. When given, a valid signature by this key is required. */
  publicKeyPem?: string;
  /** The report must be for this commit. */
  commit?: string;
  /** The scan (`startedAt`) must be at most this old. */
  maxAgeMs?: number;
  /** Reference time for maxAgeMs (default now). */
  now?: Date;
  failOn: FailOn;
}

export interface SignatureStatus {
  keyId: string;
  signedAt?: string;
  /** The report came in a DSSE envelope (in-toto attestation). */
  envelope: boolean;
  /** Checked against the given public key (false: no key was given). */
  verified: boolean;
}

export interface SignedVerifyResult {
  ok: boolean;
  /** Each failed condition, in words. */
  reasons: string[];
  report?: Report;
  /** Present when the report or its envelope carries a signature. */
  signature?: SignatureStatus;
}

/**
 * Verifies a report: it is a cadre report (schema), signed by the given key if one is given (and
 * unchanged since), for the given commit, recent enough, and passing the gate. Accepts a signed
 * report or a DSSE envelope from signReport(…, { attestation: true }).
 */
export function verifySignedReport(request: SignedVerifyRequest): SignedVerifyResult {
  let data: unknown = request.report;
  if (request.reportText !== undefined) {
    try {
      data = JSON.parse(request.reportText);
    } catch (error) {
      return fail(`report is not readable JSON (${(error as Error).message})`);
    }
  }
  if (data === undefined) return fail('no report given');

  let key: KeyObject | undefined;
  let expectedId: string | undefined;
  if (request.publicKeyPem !== undefined) {
    try {
      key = loadPublicKey(request.publicKeyPem);
      expectedId = keyIdOf(key);
    } catch (error) {
      if (error instanceof KeyError) return fail(`unusable public key: ${error.message}`);
      throw error;
    }
  }

  const reasons: string[] = [];
  let status: SignatureStatus | undefined;
  let statement: Record<string, unknown> | undefined;
  if (isEnvelope(data)) {
    const opened = openEnvelope(data, key, expectedId);
    reasons.push(...opened.reasons);
    status = opened.status;
    if (!opened.statement) return { ok: false, reasons, ...(status ? { signature: status } : {}) };
    statement = opened.statement;
    data = statement.predicate;
  }

  if (!isObject(data)) return fail('not a cadre report: (root) must be an object');
  const { signature, ...unsigned } = data;
  const validator = cadreValidator('report');
  if (!validator(unsigned)) {
    const first = validator.errors?.[0];
    reasons.push(`not a cadre report: ${first?.instancePath || '(root)'} ${first?.message ?? ''}`.trim());
    return { ok: false, reasons, ...(status ? { signature: status } : {}) };
  }
  const report = data as unknown as Report;

  if (signature !== undefined) {
    const inner = checkReportSignature(report, signature, key, expectedId);
    if (inner.reason) reasons.push(inner.reason);
    status ??= inner.status;
  } else if (key && !status) {
    reasons.push('report is not signed, but a signature is required (--key)');
  }

  if (statement) {
    const commits = subjectCommits(statement);
    if (report.target.commit && !commits.includes(report.target.commit)) {
      reasons.push(`attestation subject is commit ${commits.join(', ') || '(none)'}, but the report inside is for commit ${report.target.commit}`);
    }
  }

  if (request.commit && report.target.commit !== request.commit) {
    reasons.push(`report is for commit ${report.target.commit ?? '(none)'}, not ${request.commit}`);
  }

  if (request.maxAgeMs !== undefined) {
    const age = (request.now ?? new Date()).getTime() - Date.parse(report.startedAt);
    if (age > request.maxAgeMs) {
      reasons.push(`report is too old: the scan started ${formatDuration(age)} ago (${report.startedAt}), more than the ${formatDuration(request.maxAgeMs)} allowed`);
    } else if (age < -CLOCK_SKEW_MS) {
      reasons.push(`report is dated in the future (${report.startedAt})`);
    }
  }

  const gate = evaluateGate(report, request.failOn);
  if (!gate.passed) reasons.push(`${gate.blocking} finding(s) at "${request.failOn}" or above`);
  return { ok: reasons.length === 0, reasons, report, ...(status ? { signature: status } : {}) };
}

function fail(reason: string): SignedVerifyResult {
  return { ok: false, reasons: [reason] };
}

function checkReportSignature(
  report: Report,
  signature: unknown,
  key: KeyObject | undefined,
  expectedId: string | undefined,
): { reason?: string; status?: SignatureStatus } {
  if (!isObject(signature) || typeof signature.keyId !== 'string' || typeof signature.value !== 'string') {
    return { reason: 'signature is malformed: an object with algorithm, keyId and value is expected' };
  }
  const status: SignatureStatus = {
    keyId: signature.keyId,
    ...(typeof signature.signedAt === 'string' ? { signedAt: signature.signedAt } : {}),
    envelope: false,
    verified: false,
  };
  if (signature.algorithm !== SIGNATURE_ALGORITHM) return { status, reason: `unsupported signature algorithm ${JSON.stringify(signature.algorithm)} (cadre signs with ${SIGNATURE_ALGORITHM})` };
  if (!key) return { status };
  if (signature.keyId !== expectedId) return { status, reason: `report is signed with key ${signature.keyId}, not with the given key ${expectedId}` };
  const bytes = decodeBase64(signature.value, false);
  if (!bytes || bytes.length !== 64) return { status, reason: 'signature value is corrupt: not a base64 Ed25519 signature of 64 bytes' };
  if (!cryptoVerify(null, signedBytes(report), key, bytes)) {
    return { status, reason: 'signature does not match the report: the report was modified after signing' };
  }
  return { status: { ...status, verified: true } };
}

function openEnvelope(
  envelope: Record<string, unknown>,
  key: KeyObject | undefined,
  expectedId: string | undefined,
): { reasons: string[]; status?: SignatureStatus; statement?: Record<string, unknown> } {
  if (envelope.payloadType !== IN_TOTO_PAYLOAD_TYPE) {
    return { reasons: [`envelope payload type is ${JSON.stringify(envelope.payloadType)}, not ${IN_TOTO_PAYLOAD_TYPE}`] };
  }
  const body = decodeBase64(envelope.payload, true);
  if (!body) return { reasons: ['envelope payload is not base64'] };
  const signatures = Array.isArray(envelope.signatures) ? envelope.signatures.filter(isObject) : [];
  const reasons: string[] = [];
  let status: SignatureStatus | undefined;
  const first = signatures.find((s) => typeof s.keyid === 'string');
  if (first) status = { keyId: first.keyid as string, envelope: true, verified: false };
  if (key) {
    const mine = signatures.filter((s) => s.keyid === expectedId);
    if (signatures.length === 0) {
      reasons.push('attestation is not signed, but a signature is required (--key)');
    } else if (mine.length === 0) {
      const ids = signatures.map((s) => (typeof s.keyid === 'string' && s.keyid ? s.keyid : '(no key id)'));
      reasons.push(`attestation is signed with key ${ids.join(', ')}, not with the given key ${expectedId}`);
    } else {
      const message = pae(IN_TOTO_PAYLOAD_TYPE, body);
      const valid = mine.some((s) => {
        const sig = decodeBase64(s.sig, true);
        return sig !== undefined && sig.length === 64 && cryptoVerify(null, message, key, sig);
      });
      if (valid) status = { keyId: expectedId!, envelope: true, verified: true };
      else reasons.push('attestation signature does not match: the attestation was modified after signing');
    }
  }
  let statement: unknown;
  try {
    statement = JSON.parse(body.toString('utf8'));
  } catch {
    return { reasons: [...reasons, 'envelope payload is not JSON'], status };
  }
  if (!isObject(statement) || statement._type !== IN_TOTO_STATEMENT_TYPE || statement.predicateType !== CADRE_PREDICATE_TYPE || !isObject(statement.predicate)) {
    return { reasons: [...reasons, `envelope does not hold an in-toto Statement v1 with a cadre report (predicate type ${CADRE_PREDICATE_TYPE})`], status };
  }
  return { reasons, status, statement };
}

function subjectCommits(statement: Record<string, unknown>): string[] {
  const subjects = Array.isArray(statement.subject) ? statement.subject : [];
  return subjects.flatMap((s) => (isObject(s) && isObject(s.digest) && typeof s.digest.gitCommit === 'string' ? [s.digest.gitCommit] : []));
}

function isEnvelope(value: unknown): value is Record<string, unknown> {
  return isObject(value) && 'payloadType' in value && 'payload' in value && !('reportVersion' in value);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Strict base64: the text must be exactly the encoding of the bytes (DSSE also allows base64url). */
function decodeBase64(value: unknown, allowUrl: boolean): Buffer | undefined {
  if (typeof value !== 'string') return undefined;
  let text = value;
  if (allowUrl && /[-_]/.test(text)) text = text.replace(/-/g, '+').replace(/_/g, '/');
  if (allowUrl && text.length % 4 !== 0 && !text.includes('=')) text = text.padEnd(text.length + ((4 - (text.length % 4)) % 4), '=');
  if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(text)) return undefined;
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64') === text ? bytes : undefined;
}

// ---------------------------------------------------------------------------------------------

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** '7d', '12h', '30m', '45s', '2w', '1d12h' → milliseconds. Throws on anything else. */
export function parseDuration(text: string): number {
  const trimmed = text.trim();
  const parts = [...trimmed.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d|w)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== trimmed) {
    throw new RangeError(`invalid duration "${text}": a number and a unit (s, m, h, d, w), e.g. 7d, 12h, 30m`);
  }
  const ms = parts.reduce((sum, [, n, unit]) => sum + Number(n) * UNITS[unit!]!, 0);
  if (!Number.isFinite(ms) || ms <= 0) throw new RangeError(`invalid duration "${text}": it must be positive`);
  return Math.round(ms);
}

/** 694800000 → '8d 1h'. */
export function formatDuration(ms: number): string {
  const abs = Math.abs(ms);
  const pieces: [number, string][] = [
    [Math.floor(abs / UNITS.d!), 'd'],
    [Math.floor((abs % UNITS.d!) / UNITS.h!), 'h'],
    [Math.floor((abs % UNITS.h!) / UNITS.m!), 'm'],
    [Math.floor((abs % UNITS.m!) / UNITS.s!), 's'],
  ];
  const first = pieces.findIndex(([n]) => n > 0);
  if (first === -1) return `${Math.round(abs)}ms`;
  return pieces
    .slice(first, first + 2)
    .filter(([n]) => n > 0)
    .map(([n, unit]) => `${n}${unit}`)
    .join(' ');
}
