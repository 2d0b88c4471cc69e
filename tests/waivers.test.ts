// Accepted risks and baselines: what the gate counts, and what the report keeps for the auditor.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../src/check.js';
import { expectValidReport, repo } from './helpers.js';

const rootRule = `id: docker-test-root
domain: security
severity: high
title: {fr: Root, en: Root}
message: {fr: root, en: root}
remediation: {fr: Corriger, en: Fix}
references: [{framework: CIS Docker Benchmark, criterion: "4.1"}]
target: {kind: dockerfile}
check:
  schema:
    select: final-stage
    assert: {required: [user], properties: {user: {type: string, not: {pattern: "^root$"}}}}
`;
const keyRule = rootRule
  .replace('docker-test-root', 'secret-test-key')
  .replace('domain: security', 'domain: secrets\nwaivable: false')
  .replace(/target:[\s\S]*/, 'target: {kind: text}\ncheck:\n  text: {match: "BEGIN TEST KEY"}\n');

function project(extra: Record<string, string> = {}) {
  return repo({
    'rules/root.yaml': rootRule,
    'rules/key.yaml': keyRule,
    'app/legacy/Dockerfile': 'FROM alpine:3.20\nUSER root\n',
    'app/api/Dockerfile': 'FROM alpine:3.20\n# cadre-ignore docker-test-root: the entrypoint drops privileges with su-exec before starting\nUSER root\n',
    'app/tools/Dockerfile': 'FROM alpine:3.20\nUSER root # cadre-ignore docker-test-root\n',
    ...extra,
  });
}

const waiverFile = (expires: string, more = '') => `waivers:
  - rule: docker-test-root
    paths: ["legacy/**"]
    justification: Legacy batch image, rebuilt rootless in the Q1 migration.
    author: Jeanne Martin
    approver: RSSI de la préfecture
    created: 2026-10-01
    expires: ${expires}
${more}`;

async function check(dir: string, options: { today?: string; baseline?: string } = {}) {
  const outcome = await runCheck({
    target: join(dir, 'app'),
    ruleFolders: [join(dir, 'rules')],
    builtinRules: false,
    today: options.today ?? '2026-11-28',
    baselinePath: options.baseline,
  });
  expectValidReport(outcome.report);
  return outcome;
}

describe('waivers', () => {
  it('a waived finding stays in the report, marked with who and why, and does not fail the gate', async () => {
    const dir = project({ 'app/.cadre-waivers.yml': waiverFile('2027-01-31') });
    const { report, gate } = await check(dir);
    const legacy = report.findings.find((f) => f.file === 'legacy/Dockerfile')!;
    expect(legacy.waiver).toEqual({
      source: 'file',
      location: '.cadre-waivers.yml:2',
      justification: 'Legacy batch image, rebuilt rootless in the Q1 migration.',
      author: 'Jeanne Martin',
      approver: 'RSSI de la préfecture',
      expires: '2027-01-31',
    });
    const api = report.findings.find((f) => f.file === 'api/Dockerfile')!;
    expect(api.waiver).toMatchObject({ source: 'inline', location: 'api/Dockerfile:2' });
    // The inline suppression without a reason waives nothing and is reported as invalid.
    expect(report.findings.find((f) => f.file === 'tools/Dockerfile')!.waiver).toBeUndefined();
    expect(report.waivers.find((w) => w.location === 'tools/Dockerfile:2')).toMatchObject({ status: 'invalid', detail: expect.stringMatching(/reason is required/) });
    expect(report.summary).toMatchObject({ findings: 1, waived: 2 });
    expect(gate.passed).toBe(false);
    expect(gate.blocking).toBe(1);
  });

  it('passes when every finding is waived', async () => {
    const dir = project({ 'app/.cadre-waivers.yml': waiverFile('2027-01-31') });
    writeFileSync(join(dir, 'app/tools/Dockerfile'), 'FROM alpine:3.20\nUSER root # cadre-ignore docker-test-root: build tooling, never deployed\n');
    expect((await check(dir)).gate.passed).toBe(true);
  });

  it('an expired waiver no longer waives and is itself reported', async () => {
    const dir = project({ 'app/.cadre-waivers.yml': waiverFile('2026-11-27') });
    writeFileSync(join(dir, 'app/tools/Dockerfile'), 'FROM alpine:3.20\nUSER app\n');
    const { report, gate } = await check(dir);
    expect(report.findings.find((f) => f.file === 'legacy/Dockerfile')!.waiver).toBeUndefined();
    expect(report.waivers[0]).toMatchObject({ status: 'expired', matched: 1, detail: 'expired on 2026-11-27' });
    expect(gate.passed).toBe(false);
    // Still valid on its last day.
    expect((await check(dir, { today: '2026-11-27' })).gate.passed).toBe(true);
  });

  it('a waiver that matches nothing is reported as stale', async () => {
    const stale = `  - rule: docker-test-root
    paths: ["removed/**"]
    justification: Old service removed in 2025, kept by mistake.
    author: Jeanne Martin
    created: 2025-01-01
    expires: 2027-01-01
`;
    const dir = project({ 'app/.cadre-waivers.yml': waiverFile('2027-01-31', stale) });
    const { report } = await check(dir);
    expect(report.waivers.find((w) => w.paths?.[0] === 'removed/**')).toMatchObject({ status: 'stale', matched: 0 });
  });

  it('rules that forbid waivers refuse them: a leaked key is revoked, not accepted', async () => {
    const refused = `  - rule: secret-test-key
    justification: This key is only used on the test bench.
    author: Jeanne Martin
    created: 2026-11-01
    expires: 2027-01-01
`;
    const dir = project({ 'app/.cadre-waivers.yml': waiverFile('2027-01-31', refused), 'app/key.txt': 'BEGIN TEST KEY\n' });
    const { report, gate } = await check(dir);
    expect(report.findings.find((f) => f.ruleId === 'secret-test-key')!.waiver).toBeUndefined();
    expect(report.waivers.find((w) => w.rule === 'secret-test-key')).toMatchObject({ status: 'refused', matched: 1 });
    expect(gate.passed).toBe(false);
  });

  it('an invalid waiver file is a configuration error naming the line', async () => {
    const dir = project({ 'app/.cadre-waivers.yml': 'waivers:\n  - rule: docker-test-root\n    justification: short\n    author: x\n' });
    await expect(check(dir)).rejects.toThrow(/\.cadre-waivers\.yml:2: waivers\.0\.created: missing required key "created"/);
  });
});

describe('baselines', () => {
  it('hide the findings of a previous report, gate on new ones and count the fixed', async () => {
    const dir = project();
    const first = await check(dir);
    expect(first.report.summary.findings).toBe(2);
    const baseline = join(dir, 'baseline.json');
    writeFileSync(baseline, JSON.stringify(first.report));

    // Nothing new: the legacy findings no longer block.
    const again = await check(dir, { baseline });
    expect(again.report.findings.filter((f) => !f.waiver)).toEqual([]);
    expect(again.gate.passed).toBe(true);
    expect(again.report.baseline).toEqual({ findings: 3, unchanged: 3, fixed: 0, new: 0 });

    // One fixed, one new: the new one fails the gate.
    writeFileSync(join(dir, 'app/legacy/Dockerfile'), 'FROM alpine:3.20\nUSER app\n');
    writeFileSync(join(dir, 'app/new.Dockerfile'), 'FROM alpine:3.20\nUSER root\n');
    const later = await check(dir, { baseline });
    expect(later.report.findings.map((f) => f.file)).toEqual(['new.Dockerfile']);
    expect(later.report.baseline).toEqual({ findings: 3, unchanged: 2, fixed: 1, new: 1 });
    expect(later.gate.passed).toBe(false);
  });

  it('keeps fingerprints when unrelated lines move', async () => {
    const dir = project();
    const before = (await check(dir)).report.findings.map((f) => f.fingerprint);
    writeFileSync(join(dir, 'app/legacy/Dockerfile'), '# build image for the nightly batch\nFROM alpine:3.20\n\nLABEL team=batch\nUSER root\n');
    const after = (await check(dir)).report.findings.map((f) => f.fingerprint);
    expect(after).toEqual(before);
  });
});

describe('scores', () => {
  it('count criteria passed, failed and waived per framework and domain', async () => {
    const dir = project({ 'app/.cadre-waivers.yml': waiverFile('2027-01-31') });
    writeFileSync(join(dir, 'app/tools/Dockerfile'), 'FROM alpine:3.20\nUSER app\n');
    writeFileSync(join(dir, 'app/api/Dockerfile'), 'FROM alpine:3.20\nUSER app\n');
    const { report } = await check(dir);
    expect(report.scores.frameworks).toEqual([
      { framework: 'CIS Docker Benchmark', passed: 0, failed: 0, waived: 1, criteria: [{ criterion: '4.1', status: 'waived', rules: ['docker-test-root', 'secret-test-key'] }] },
    ]);
    expect(report.scores.domains).toEqual([
      { domain: 'secrets', rules: 1, passed: 1, failed: 0, waived: 0 },
      { domain: 'security', rules: 1, passed: 0, failed: 0, waived: 1 },
    ]);
  });
});
