// Every CLI path and exit code, through main() in-process, plus the built binary once.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import type { Report } from '../src/model/types.js';
import { expectValidReport, repo } from './helpers.js';

async function run(args: string[], cwd = process.cwd()) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), isTTY: false, cwd });
  return { code, stdout, stderr };
}

const dockerRule = `id: docker-test-root
domain: security
severity: high
title: {fr: Root, en: Root}
message: {fr: "root ({{value}})", en: "root ({{value}})"}
remediation: {fr: Corriger, en: Fix}
references: [{framework: CIS Docker Benchmark, criterion: "4.1"}]
target: {kind: dockerfile}
check:
  schema:
    select: final-stage
    assert: {required: [user], properties: {user: {type: string, not: {pattern: "^root$"}}}}
`;
const todoRule = dockerRule.replace('docker-test-root', 'docker-test-todo').replace('severity: high', 'severity: low').replace(/target:[\s\S]*/, 'target: {kind: text}\ncheck:\n  text: {match: "TODO"}\n');

function project() {
  return repo({
    'rules/root.yaml': dockerRule,
    'rules/todo.yaml': todoRule,
    'app/Dockerfile': 'FROM alpine:3.20\nUSER root\n',
    'app/notes.txt': 'TODO: fix\n',
    'clean/Dockerfile': 'FROM alpine:3.20\nUSER app\n',
  });
}

describe('cadre check', () => {
  it('exits 1 when a finding at or above --fail-on remains, 0 otherwise', async () => {
    const dir = project();
    const failing = await run(['check', 'app', '--rules', 'rules', '--no-builtin-rules'], dir);
    expect(failing.code).toBe(1);
    expect(failing.stdout).toContain('Dockerfile');
    expect(failing.stdout).toMatch(/\n\s+2\s+élevée\s+root \(root\)/);
    expect(failing.stdout.trim().split('\n').at(-1)).toMatch(/^2 constat\(s\) sur 2 fichier\(s\).*ÉCHEC/);
    expect((await run(['check', 'app', '--rules', 'rules', '--no-builtin-rules', '--fail-on', 'critical'], dir)).code).toBe(0);
    expect((await run(['check', 'clean', '--rules', 'rules', '--no-builtin-rules'], dir)).code).toBe(0);
    expect((await run(['check', 'app', '--rules', 'rules', '--no-builtin-rules', '--fail-on', 'none'], dir)).code).toBe(0);
  });

  it('writes JSON and SARIF reports with --output, in English with --lang en', async () => {
    const dir = project();
    const json = await run(['check', 'app', '--rules', 'rules', '--no-builtin-rules', '--format', 'json', '--output', 'out/report.json', '--lang', 'en'], dir);
    expect(json.code).toBe(1);
    expect(json.stderr).toContain('report written to out/report.json');
    expect(json.stdout).toContain('FAILED');
    const report = JSON.parse(readFileSync(join(dir, 'out/report.json'), 'utf8')) as Report;
    expectValidReport(report);
    expect(report.findings.map((f) => [f.ruleId, f.file, f.line])).toEqual([['docker-test-root', 'Dockerfile', 2], ['docker-test-todo', 'notes.txt', 1]]);
    expect(report.findings[0].message).toBe('root (root)');

    const sarif = await run(['check', 'app', '--rules', 'rules', '--no-builtin-rules', '--format', 'sarif'], dir);
    const log = JSON.parse(sarif.stdout);
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0].results[0].locations[0].physicalLocation).toMatchObject({ artifactLocation: { uri: 'Dockerfile' }, region: { startLine: 2 } });
  });

  it('exits 2 on usage and configuration errors, naming the problem', async () => {
    const dir = project();
    const cases: [string[], RegExp][] = [
      [['check', 'app', '--format', 'xml'], /--format must be one of/],
      [['check', 'app', '--fail-on', 'urgent'], /--fail-on must be one of/],
      [['check', 'app', '--lang', 'de'], /--lang must be one of/],
      [['check', 'missing-folder'], /target not found/],
      [['check', 'app/Dockerfile'], /target is not a folder/],
      [['check', 'app', '--bogus'], /Unknown option '--bogus'/],
      [['check', 'app', '--config', 'nope.yml'], /nope\.yml: configuration file not found/],
      [['frobnicate'], /unknown command "frobnicate"/],
      [['check', 'app', '--profile', 'nope'], /unknown profile "nope"/],
    ];
    for (const [args, message] of cases) {
      const result = await run(args, dir);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr, args.join(' ')).toMatch(message);
    }
  });

  it('reads .cadre.yml: an invalid key is named with its line', async () => {
    const dir = project();
    writeFileSync(join(dir, 'app/.cadre.yml'), 'failOn: high\nlang: fr\nexclud: ["*.txt"]\n');
    const result = await run(['check', 'app', '--rules', 'rules', '--no-builtin-rules'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('.cadre.yml:3: exclud: unknown key "exclud"');
    writeFileSync(join(dir, 'app/.cadre.yml'), 'failOn: low\nexclude: ["*.txt"]\nseverity: {docker-test-root: info}\n');
    const configured = await run(['check', 'app', '--rules', 'rules', '--no-builtin-rules', '--format', 'json'], dir);
    const report = JSON.parse(configured.stdout) as Report;
    expect(report.findings.map((f) => [f.ruleId, f.severity])).toEqual([['docker-test-root', 'info']]);
    expect(configured.code).toBe(0);
    writeFileSync(join(dir, 'app/.cadre.yml'), 'rules: ["../../.."]\n');
    expect((await run(['check', 'app', '--no-builtin-rules'], dir)).stderr).toMatch(/\.cadre\.yml:1: rules\.0: rule folder outside the repository/);
  });

  it('stops on a malformed rule with its file, line and key', async () => {
    const dir = project();
    writeFileSync(join(dir, 'rules/bad.yaml'), dockerRule.replace('docker-test-root', 'docker-bad').replace('severity: high', 'severity: hgih'));
    const result = await run(['check', 'app', '--rules', 'rules', '--no-builtin-rules'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/rules\/bad\.yaml:3: severity: must be one of/);
  });

  it('reports a malformed YAML file of the scanned repository as an error, not a crash', async () => {
    const dir = repo({ 'k8s/broken.yaml': 'apiVersion: v1\nkind: Pod\nspec: [unclosed\n', 'k8s/ok.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\n' });
    const rules = repo({ 'r.yaml': dockerRule.replace('docker-test-root', 'k8s-test-pod').replace(/target:[\s\S]*/, 'target: {kind: kubernetes}\ncheck:\n  schema: {assert: {required: [spec]}}\n') });
    const result = await run(['check', dir, '--rules', rules, '--no-builtin-rules', '--format', 'json']);
    const report = JSON.parse(result.stdout) as Report;
    expectValidReport(report);
    expect(report.errors).toEqual([{ file: 'k8s/broken.yaml', line: 4, message: expect.stringMatching(/^yaml: /) }]);
    expect(report.findings.map((f) => f.file)).toEqual(['k8s/ok.yaml']);
  });
});

describe('cadre rules', () => {
  it('lists, validates and tests rules', async () => {
    const dir = project();
    const list = await run(['rules', 'list', '--rules', 'rules', '--no-builtin-rules', '--lang', 'en'], dir);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/docker-test-root\s+high\s+security\s+Root\s+\[CIS Docker Benchmark 4\.1\]/);
    expect(list.stdout).toContain('2 rule(s)');
    expect(JSON.parse((await run(['rules', 'list', '--rules', 'rules', '--no-builtin-rules', '--format', 'json'], dir)).stdout)).toHaveLength(2);

    expect((await run(['rules', 'validate', 'rules'], dir)).code).toBe(0);
    writeFileSync(join(dir, 'rules/bad.yaml'), 'id: Bad Id\n');
    const invalid = await run(['rules', 'validate', 'rules'], dir);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toMatch(/rules\/bad\.yaml:1: id: must match pattern/);
    expect(invalid.stderr).toMatch(/missing required key "domain"/);
    expect((await run(['rules', 'validate'], dir)).code).toBe(2);
  });

  it('runs a rule on its fixtures', async () => {
    const dir = repo({
      'rules/root.yaml': dockerRule,
      'fixtures/docker-test-root/bad/Dockerfile': 'FROM alpine:3.20\n# ruleid: docker-test-root\nUSER root\n',
      'fixtures/docker-test-root/good/Dockerfile': 'FROM alpine:3.20\nUSER app # ok: docker-test-root\n',
    });
    const passing = await run(['rules', 'test', '--rules', 'rules', '--fixtures', 'fixtures'], dir);
    expect(passing.stdout).toContain('1 passed, 0 failed');
    expect(passing.code).toBe(0);
    writeFileSync(join(dir, 'fixtures/docker-test-root/good/Dockerfile'), 'FROM alpine:3.20\n# ok: docker-test-root\nUSER root\n');
    const failing = await run(['rules', 'test', '--rules', 'rules', '--fixtures', 'fixtures'], dir);
    expect(failing.code).toBe(1);
    expect(failing.stdout).toContain('good: reported, not expected: Dockerfile:3');
    expect((await run(['rules', 'test', '--rules', 'rules'], dir)).code).toBe(2);
  });
});

describe('cadre verify', () => {
  it('accepts a passing report for the right commit and rejects the others with reasons', async () => {
    const dir = project();
    await run(['check', 'app', '--rules', 'rules', '--no-builtin-rules', '--format', 'json', '--output', 'r.json'], dir);
    expect((await run(['verify', 'r.json'], dir)).code).toBe(1);
    expect((await run(['verify', 'r.json', '--fail-on', 'none'], dir)).code).toBe(0);
    const wrongCommit = await run(['verify', 'r.json', '--fail-on', 'none', '--commit', 'f'.repeat(40), '--lang', 'en'], dir);
    expect(wrongCommit.code).toBe(1);
    expect(wrongCommit.stderr).toMatch(/report is for commit .*, not f{40}/);
    writeFileSync(join(dir, 'bad.json'), '{"tool": {}}');
    expect((await run(['verify', 'bad.json'], dir)).stderr).toMatch(/not a cadre report/);
    expect((await run(['verify', 'none.json'], dir)).stderr).toMatch(/report not found/);
  });

  it('records the commit of a git checkout', async () => {
    const dir = project();
    execFileSync('git', ['init', '-q'], { cwd: join(dir, 'clean') });
    execFileSync('git', ['-c', 'user.email=a@b.c', '-c', 'user.name=a', 'commit', '-q', '--allow-empty', '-m', 'x'], { cwd: join(dir, 'clean') });
    const sha = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: join(dir, 'clean'), encoding: 'utf8' }).trim();
    await run(['check', 'clean', '--rules', 'rules', '--no-builtin-rules', '--format', 'json', '--output', 'c.json'], dir);
    expect(JSON.parse(readFileSync(join(dir, 'c.json'), 'utf8')).target.commit).toBe(sha);
    expect((await run(['verify', 'c.json', '--commit', sha], dir)).code).toBe(0);
  });
});

describe('signed reports through the CLI', () => {
  it('keygen, check --sign, verify --key; a changed byte or another commit is refused', async () => {
    const dir = project();
    const keygen = await run(['keygen', '--out', 'keys/ci'], dir);
    expect(keygen.code).toBe(0);
    expect(keygen.stdout).toMatch(/key id [0-9a-f]{16}/);
    expect(readFileSync(join(dir, 'keys/ci.pub'), 'utf8')).toContain('BEGIN PUBLIC KEY');
    expect((await run(['keygen', '--out', 'keys/ci'], dir)).code).toBe(2);

    execFileSync('git', ['init', '-q'], { cwd: join(dir, 'clean') });
    execFileSync('git', ['-c', 'user.email=a@b.c', '-c', 'user.name=a', 'commit', '-q', '--allow-empty', '-m', 'x'], { cwd: join(dir, 'clean') });
    const sha = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: join(dir, 'clean'), encoding: 'utf8' }).trim();
    expect((await run(['check', 'clean', '--rules', 'rules', '--no-builtin-rules', '--format', 'json', '--output', 'signed.json', '--sign', 'keys/ci.key'], dir)).code).toBe(0);
    const signed = JSON.parse(readFileSync(join(dir, 'signed.json'), 'utf8')) as Report;
    expectValidReport(signed);
    expect(signed.signature?.algorithm).toBe('ed25519');

    expect((await run(['verify', 'signed.json', '--key', 'keys/ci.pub', '--commit', sha, '--max-age', '1d'], dir)).code).toBe(0);
    const other = await run(['verify', 'signed.json', '--key', 'keys/ci.pub', '--commit', 'f'.repeat(40), '--lang', 'en'], dir);
    expect(other.code).toBe(1);
    writeFileSync(join(dir, 'tampered.json'), readFileSync(join(dir, 'signed.json'), 'utf8').replace('"files": 1', '"files": 2'));
    const tampered = await run(['verify', 'tampered.json', '--key', 'keys/ci.pub'], dir);
    expect(tampered.code).toBe(1);
    expect(tampered.stderr).toMatch(/modified after signing/);
    expect((await run(['verify', 'signed.json', '--key', 'keys/ci.key'], dir)).code).toBe(2);
    expect((await run(['verify', 'signed.json', '--max-age', 'soon'], dir)).code).toBe(2);

    const attestation = await run(['check', 'clean', '--rules', 'rules', '--no-builtin-rules', '--format', 'json', '--sign', 'keys/ci.key', '--attestation'], dir);
    expect(JSON.parse(attestation.stdout).payloadType).toBe('application/vnd.in-toto+json');
    expect((await run(['check', 'clean', '--format', 'sarif', '--attestation', '--sign', 'keys/ci.key'], dir)).code).toBe(2);
  });
});

describe('the installed binary', () => {
  it('runs from lib/ with a shebang and the documented exit codes', () => {
    const bin = join(import.meta.dirname, '..', 'lib', 'cli', 'main.js');
    expect(readFileSync(bin, 'utf8').startsWith('#!/usr/bin/env node')).toBe(true);
    const dir = project();
    const link = join(dir, 'cadre-link.js');
    symlinkSync(bin, link);
    const result = spawnSync(process.execPath, [link, 'check', 'app', '--rules', 'rules', '--no-builtin-rules'], { cwd: dir, encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('docker-test-root');
    expect(spawnSync(process.execPath, [bin, '--version'], { encoding: 'utf8' }).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    expect(spawnSync(process.execPath, [bin], { encoding: 'utf8' }).status).toBe(2);
  });
});
