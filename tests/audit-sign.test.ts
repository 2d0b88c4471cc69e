// Signed reports: a report signed by the pipeline's key verifies; any change to a finding, a waiver
// or the metadata, another key, another commit or an old report fails with a reason.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCheck } from '../src/check.js';
import type { Report } from '../src/model/types.js';
import { generateKeyPair, keyId, KeyError } from '../src/audit/keys.js';
import {
  attestReport,
  CADRE_PREDICATE_TYPE,
  formatDuration,
  IN_TOTO_PAYLOAD_TYPE,
  IN_TOTO_STATEMENT_TYPE,
  pae,
  parseDuration,
  signReport,
  SigningError,
  verifySignedReport,
  type DsseEnvelope,
} from '../src/audit/sign.js';
import { verifyReport } from '../src/gate/verify.js';
import { expectValidReport, repo } from './helpers.js';

const rootRule = `id: docker-test-root
domain: security
severity: high
title: {fr: Root, en: Root}
message: {fr: "l'image s'exécute en root", en: the image runs as root}
remediation: {fr: Corriger, en: Fix}
references: [{framework: CIS Docker Benchmark, criterion: "4.1"}]
target: {kind: dockerfile}
check:
  schema:
    select: final-stage
    assert: {required: [user], properties: {user: {type: string, not: {pattern: "^root$"}}}}
`;

const waivers = `waivers:
  - rule: docker-test-root
    paths: ["legacy/**"]
    justification: Legacy batch image, rebuilt rootless in the Q1 migration.
    author: Jeanne Martin
    approver: RSSI de la préfecture
    created: 2026-10-01
    expires: 2027-01-31
`;

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.email=ci@example.gouv.fr', '-c', 'user.name=ci', ...args], { cwd, encoding: 'utf8' }).trim();

let report: Report;
let commit: string;
let dir: string;
const keys = generateKeyPair();
const other = generateKeyPair();
const NOW = new Date('2026-11-28T12:00:00Z');

beforeAll(async () => {
  dir = repo({
    'rules/root.yaml': rootRule,
    'app/.cadre-waivers.yml': waivers,
    'app/legacy/Dockerfile': 'FROM alpine:3.20\nUSER root\n',
    'app/api/Dockerfile': 'FROM alpine:3.20\n\n\nUSER root\n',
    'app/web/Dockerfile': 'FROM alpine:3.20\nUSER root # cadre-ignore docker-test-root: entrypoint drops privileges with su-exec\n',
  });
  const app = join(dir, 'app');
  git(app, 'init', '-q');
  git(app, 'add', '.');
  git(app, 'commit', '-q', '-m', 'init');
  commit = git(app, 'rev-parse', 'HEAD');
  const outcome = await runCheck({ target: app, ruleFolders: [join(dir, 'rules')], builtinRules: false, today: '2026-11-28' });
  report = outcome.report;
  // A fixed scan time, so that age checks do not depend on when the test runs.
  report.startedAt = '2026-11-28T10:00:00.000Z';
  expect(report.target.commit).toBe(commit);
  expect(report.findings.length).toBe(3);
  expect(report.waivers.length).toBeGreaterThanOrEqual(2);
});

const sign = (r: Report = report) => signReport(r, keys.privateKeyPem, { now: NOW });
const verify = (value: unknown, extra: Partial<Parameters<typeof verifySignedReport>[0]> = {}) =>
  verifySignedReport({ reportText: typeof value === 'string' ? value : JSON.stringify(value, null, 2), publicKeyPem: keys.publicKeyPem, failOn: 'none', now: NOW, ...extra });

/** The signed report as written on disk, changed by `edit`, then verified. */
function tampered(edit: (r: Report) => void) {
  const copy = JSON.parse(JSON.stringify(sign())) as Report;
  edit(copy);
  return verify(copy);
}

const MODIFIED = 'signature does not match the report: the report was modified after signing';

describe('keys', () => {
  it('are Ed25519 PEM pairs named by the first 16 hex digits of the SHA-256 of the public key', () => {
    expect(keys.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(keys.publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    expect(keys.keyId).toMatch(/^[0-9a-f]{16}$/);
    expect(keyId(keys.publicKeyPem)).toBe(keys.keyId);
    expect(other.keyId).not.toBe(keys.keyId);
    expect(() => keyId(keys.privateKeyPem)).toThrow(KeyError);
    expect(() => signReport(report, keys.publicKeyPem)).toThrow(KeyError);
    expect(() => signReport(report, 'not a key')).toThrow(/not a private key/);
  });
});

describe('signed reports', () => {
  it('sign, then verify', () => {
    const signed = sign();
    expect(signed.signature).toEqual({ algorithm: 'ed25519', keyId: keys.keyId, value: expect.stringMatching(/^[A-Za-z0-9+/]{86}==$/), signedAt: NOW.toISOString() });
    expectValidReport(signed);
    // The report itself is left alone.
    expect(report.signature).toBeUndefined();
    const result = verify(signed);
    expect(result.reasons).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.signature).toEqual({ keyId: keys.keyId, signedAt: NOW.toISOString(), envelope: false, verified: true });
    // The layout of the file does not matter, its values do.
    expect(verify(JSON.stringify(signed)).ok).toBe(true);
    const reordered = Object.fromEntries(Object.entries(signed).reverse());
    expect(verify(reordered).ok).toBe(true);
  });

  it('signing twice replaces the signature', () => {
    const again = signReport(sign(), keys.privateKeyPem, { now: new Date('2026-11-28T13:00:00Z') });
    expect(verify(again).ok).toBe(true);
    expect(again.signature!.signedAt).toBe('2026-11-28T13:00:00.000Z');
  });

  it.each<[string, (r: Report) => void]>([
    ["a finding's message", (r) => (r.findings[0]!.message = r.findings[0]!.message.replace('root', 'rooT'))],
    ["a finding's line", (r) => (r.findings[0]!.line = r.findings[0]!.line! + 1)],
    ["a finding's severity", (r) => (r.findings[0]!.severity = 'low')],
    ['a finding removed', (r) => r.findings.pop()],
    ["a finding's waiver justification", (r) => (r.findings.find((f) => f.waiver)!.waiver!.justification += '.')],
    ['a waiver justification', (r) => (r.waivers[0]!.justification = r.waivers[0]!.justification.replace('Q1', 'Q2'))],
    ['a waiver expiry', (r) => (r.waivers.find((w) => w.expires)!.expires = '2099-01-31')],
    ['the commit', (r) => (r.target.commit = r.target.commit!.replace(/.$/, (c) => (c === '0' ? '1' : '0')))],
    ['the time of the scan', (r) => (r.startedAt = r.startedAt.replace('10:00', '10:01'))],
    ['the rule-set digest', (r) => (r.ruleset.digest = r.ruleset.digest.replace(/.$/, (c) => (c === '0' ? '1' : '0')))],
    ['the tool version', (r) => (r.tool.version = '9.9.9')],
    ['the summary', (r) => (r.summary.findings = 0)],
    ['a field added', (r) => Object.assign(r, { baseline: { findings: 0, unchanged: 0, fixed: 0, new: 0 } })],
    ['the signing time', (r) => (r.signature!.signedAt = '2026-11-29T12:00:00.000Z')],
  ])('changing %s fails: the report was modified after signing', (_what, edit) => {
    const result = tampered(edit);
    expect(result.ok).toBe(false);
    expect(result.reasons).toContain(MODIFIED);
  });

  it('changing one byte of the signature fails', () => {
    const signed = sign();
    const value = signed.signature!.value;
    const flipped = (value[10] === 'A' ? 'B' : 'A');
    const result = tampered((r) => (r.signature!.value = value.slice(0, 10) + flipped + value.slice(11)));
    expect(result.ok).toBe(false);
    expect(result.reasons).toEqual([MODIFIED]);
    // Not even base64 any more.
    expect(tampered((r) => (r.signature!.value = `!${value.slice(1)}`)).reasons).toEqual(['signature value is corrupt: not a base64 Ed25519 signature of 64 bytes']);
  });

  it('every single byte of a finding counts, in the file as written', () => {
    const text = JSON.stringify(sign(), null, 2);
    const at = text.indexOf('"message"', text.indexOf('"findings"'));
    const start = text.indexOf(':', at) + 3;
    for (let i = start; i < start + 10; i++) {
      const changed = text.slice(0, i) + String.fromCharCode(text.charCodeAt(i) ^ 1) + text.slice(i + 1);
      const result = verify(changed);
      expect(result.ok).toBe(false);
      expect(result.reasons.join('\n')).toMatch(/modified after signing|not readable JSON/);
    }
  });

  it('a report signed with another key fails, naming both keys', () => {
    const result = verify(signReport(report, other.privateKeyPem));
    expect(result.ok).toBe(false);
    expect(result.reasons).toEqual([`report is signed with key ${other.keyId}, not with the given key ${keys.keyId}`]);
    // And a key id rewritten to the expected one does not help.
    const forged = signReport(report, other.privateKeyPem);
    forged.signature!.keyId = keys.keyId;
    expect(verify(forged).reasons).toEqual([MODIFIED]);
  });

  it('an unsigned report fails when a key is required, and verifies as before without one', () => {
    expect(verify(report).reasons).toEqual(['report is not signed, but a signature is required (--key)']);
    expect(verify(report, { publicKeyPem: undefined })).toMatchObject({ ok: true, reasons: [] });
    // Without a key, a signature is reported but not checked.
    expect(verify(sign(), { publicKeyPem: undefined }).signature).toMatchObject({ keyId: keys.keyId, verified: false });
  });

  it('a report for another commit fails', () => {
    const result = verify(sign(), { commit: 'f'.repeat(40) });
    expect(result.reasons).toEqual([`report is for commit ${commit}, not ${'f'.repeat(40)}`]);
    expect(verify(sign(), { commit }).ok).toBe(true);
  });

  it('a report older than the maximum age fails; one from the future too', () => {
    expect(verify(sign(), { maxAgeMs: parseDuration('7d') }).ok).toBe(true);
    const old = verify(sign(), { maxAgeMs: parseDuration('1h') });
    expect(old.reasons).toEqual(['report is too old: the scan started 2h ago (2026-11-28T10:00:00.000Z), more than the 1h allowed']);
    const future = verify(sign(), { maxAgeMs: parseDuration('7d'), now: new Date('2026-11-28T09:00:00Z') });
    expect(future.reasons).toEqual(['report is dated in the future (2026-11-28T10:00:00.000Z)']);
  });

  it('the gate applies to the signed report', () => {
    const result = verify(sign(), { failOn: 'high' });
    expect(result.reasons).toEqual(['1 finding(s) at "high" or above']);
  });

  it('every failed condition is listed', () => {
    const copy = JSON.parse(JSON.stringify(sign())) as Report;
    copy.findings[0]!.line = 99;
    const result = verify(copy, { commit: 'a'.repeat(40), maxAgeMs: parseDuration('30m'), failOn: 'high' });
    expect(result.reasons).toEqual([
      MODIFIED,
      `report is for commit ${commit}, not ${'a'.repeat(40)}`,
      expect.stringMatching(/^report is too old/),
      '1 finding(s) at "high" or above',
    ]);
  });

  it('refuses what is not a report, and unusable keys', () => {
    expect(verify('{"tool": ').reasons[0]).toMatch(/^report is not readable JSON/);
    expect(verify({ tool: {} }).reasons[0]).toMatch(/^not a cadre report/);
    expect(verify(sign(), { publicKeyPem: 'nope' }).reasons[0]).toMatch(/^unusable public key: not a public key/);
    expect(verify(sign(), { publicKeyPem: keys.privateKeyPem }).reasons[0]).toMatch(/^unusable public key: this is a private key/);
    expect(tampered((r) => ((r as { signature: unknown }).signature = 'x')).reasons).toEqual(['signature is malformed: an object with algorithm, keyId and value is expected']);
    expect(tampered((r) => ((r.signature as { algorithm: string }).algorithm = 'rsa')).reasons).toEqual(['unsupported signature algorithm "rsa" (cadre signs with ed25519)']);
  });

  it('verifyReport reads a file and takes the same options', () => {
    const path = join(dir, 'signed.json');
    writeFileSync(path, `${JSON.stringify(sign(), null, 2)}\n`);
    expect(verifyReport({ reportPath: path, failOn: 'none', publicKeyPem: keys.publicKeyPem, commit, maxAgeMs: parseDuration('1d'), now: NOW })).toMatchObject({ ok: true, reasons: [] });
    expect(verifyReport({ reportPath: path, failOn: 'none', publicKeyPem: other.publicKeyPem }).reasons[0]).toMatch(/^report is signed with key/);
    expect(verifyReport({ reportPath: join(dir, 'missing.json'), failOn: 'none' }).reasons).toEqual(['report not found']);
  });
});

describe('in-toto attestations in a DSSE envelope', () => {
  const decode = (envelope: DsseEnvelope) => JSON.parse(Buffer.from(envelope.payload, 'base64').toString('utf8'));
  const encode = (envelope: DsseEnvelope, statement: unknown): DsseEnvelope => ({ ...envelope, payload: Buffer.from(JSON.stringify(statement)).toString('base64') });

  it('round trip: the statement names the commit and carries the signed report', () => {
    const envelope = signReport(report, keys.privateKeyPem, { attestation: true, now: NOW });
    expect(envelope).toEqual({ payloadType: IN_TOTO_PAYLOAD_TYPE, payload: expect.any(String), signatures: [{ keyid: keys.keyId, sig: expect.any(String) }] });
    const statement = decode(envelope);
    expect(statement).toMatchObject({
      _type: IN_TOTO_STATEMENT_TYPE,
      subject: [{ name: report.target.path, digest: { gitCommit: commit } }],
      predicateType: CADRE_PREDICATE_TYPE,
    });
    // The predicate is itself a signed report: it verifies once taken out of the envelope.
    expect(verify(statement.predicate).ok).toBe(true);
    const result = verify(envelope, { commit, maxAgeMs: parseDuration('7d') });
    expect(result.reasons).toEqual([]);
    expect(result.signature).toEqual({ keyId: keys.keyId, envelope: true, verified: true });
    expect(result.report!.findings).toEqual(report.findings);
  });

  it('the signature is over the DSSE pre-authentication encoding', () => {
    expect(pae('application/x', Buffer.from('héllo')).toString('utf8')).toBe('DSSEv1 13 application/x 6 héllo');
    expect(pae('', Buffer.alloc(0)).toString()).toBe('DSSEv1 0  0 ');
  });

  it('tampering with the statement, the envelope or the key fails', () => {
    const envelope = attestReport(report, keys.privateKeyPem, { now: NOW });
    const statement = decode(envelope);
    statement.predicate.findings[0].line += 1;
    const changed = verify(encode(envelope, statement));
    expect(changed.ok).toBe(false);
    // The envelope and the report inside both detect it.
    expect(changed.reasons).toEqual(['attestation signature does not match: the attestation was modified after signing', MODIFIED]);

    const subject = decode(envelope);
    subject.subject[0].digest.gitCommit = 'b'.repeat(40);
    expect(verify(encode(envelope, subject)).reasons).toEqual([
      'attestation signature does not match: the attestation was modified after signing',
      `attestation subject is commit ${'b'.repeat(40)}, but the report inside is for commit ${commit}`,
    ]);

    expect(verify({ ...envelope, payloadType: 'application/json' }).reasons).toEqual([`envelope payload type is "application/json", not ${IN_TOTO_PAYLOAD_TYPE}`]);
    expect(verify(envelope, { publicKeyPem: other.publicKeyPem }).reasons).toEqual([
      `attestation is signed with key ${keys.keyId}, not with the given key ${other.keyId}`,
      `report is signed with key ${keys.keyId}, not with the given key ${other.keyId}`,
    ]);
    expect(verify({ ...envelope, signatures: [] }).reasons).toEqual(['attestation is not signed, but a signature is required (--key)']);
    expect(verify(envelope, { commit: 'c'.repeat(40) }).reasons).toEqual([`report is for commit ${commit}, not ${'c'.repeat(40)}`]);
  });

  it('needs a commit to name', () => {
    const { commit: _c, ...target } = report.target;
    expect(() => attestReport({ ...report, target }, keys.privateKeyPem)).toThrow(SigningError);
  });
});

describe('durations', () => {
  it('parse and print', () => {
    expect(parseDuration('7d')).toBe(7 * 86_400_000);
    expect(parseDuration('12h')).toBe(12 * 3_600_000);
    expect(parseDuration('30m')).toBe(30 * 60_000);
    expect(parseDuration('1d12h')).toBe(36 * 3_600_000);
    expect(parseDuration('2w')).toBe(14 * 86_400_000);
    for (const bad of ['', '7', 'd', '7 days', '-1d', '0d', '7d x']) expect(() => parseDuration(bad), bad).toThrow(RangeError);
    expect(formatDuration(8 * 86_400_000 + 3_600_000 + 5000)).toBe('8d 1h');
    expect(formatDuration(90_000)).toBe('1m 30s');
    expect(formatDuration(12)).toBe('12ms');
  });
});
