// gitlab-ci-template.yml run by gitlab-ci-local (the real runner emulation, shell executor) on a
// copy of fixtures/demo that includes it with `include: remote:` (served from 127.0.0.1), with
// CADRE_HOME pointing at this working tree. Each job runs in its own build folder
// (--shell-isolation): the cadre-verify job only sees the report through the artifacts of `cadre`
// (or, sharded, of `cadre-merge`, which only sees the shards through the artifacts of `cadre`).
//
// gitlab-ci-local copies files with rsync; where rsync is not installed, a small stand-in that
// performs exactly its copies is put first on PATH (tests/ci-fixtures/rsync-shim.mjs).

import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanTemps, demoRepo, git, ROOT, tempDir } from './ci-fixtures/repos.js';
import { cleanEnv, DIST, runProcess } from './ci-fixtures/runner.js';

const BIN = join(ROOT, 'node_modules', '.bin', 'gitlab-ci-local');

function unavailable(): string | undefined {
  if (!existsSync(BIN)) return 'gitlab-ci-local is not installed (npm ci)';
  const version = spawnSync(BIN, ['--version'], { encoding: 'utf8', timeout: 20_000 });
  if (version.status !== 0) return `gitlab-ci-local does not start here: ${(version.stderr || version.error?.message || '').split('\n')[0]}`;
  if (spawnSync('bash', ['--version']).status !== 0) return 'gitlab-ci-local needs bash';
  return undefined;
}

const reason = unavailable();
if (reason) console.warn(`skipping the gitlab-ci-local test: ${reason}`);

let server: Server;
let templateUrl = '';
const env = cleanEnv();

beforeAll(async () => {
  if (reason) return;
  if (!existsSync(join(DIST, 'gitlab.js'))) throw new Error('dist/gitlab.js is missing: run npm run build:action');
  server = createServer((req, res) => {
    if (req.url === '/gitlab-ci-template.yml') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(readFileSync(join(ROOT, 'gitlab-ci-template.yml')));
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  templateUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/gitlab-ci-template.yml`;
  if (spawnSync('rsync', ['--version']).status !== 0) {
    const bin = tempDir('cadre-bin-');
    copyFileSync(join(ROOT, 'tests', 'ci-fixtures', 'rsync-shim.mjs'), join(bin, 'rsync'));
    chmodSync(join(bin, 'rsync'), 0o755);
    env.PATH = `${bin}:${env.PATH}`;
  }
});

afterAll(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  cleanTemps();
});

/** The sharding option as the template's header documents it. */
const SHARDED = `
cadre:
  extends:
    - .cadre:rules
    - .cadre:shard
  parallel: 2
cadre-merge:
  stage: test
  extends:
    - .cadre:rules
    - .cadre:merge
  needs: [cadre]
cadre-verify:
  needs:
    - job: cadre-merge
      artifacts: true
`;

function project(jobs = ''): string {
  const { dir } = demoRepo();
  writeFileSync(join(dir, '.gitlab-ci.yml'), `include:\n  - remote: '${templateUrl}'\n${jobs}`);
  git(dir, 'add', '.gitlab-ci.yml');
  git(dir, 'commit', '-q', '-m', 'ci');
  return dir;
}

async function pipeline(dir: string, variables: Record<string, string>) {
  const home = tempDir('cadre-gcl-home-');
  mkdirSync(join(home, '.gitlab-ci-local'), { recursive: true });
  const args = ['--force-shell-executor', '--shell-isolation', '--no-artifacts-to-source', '--no-color', '--home', home, '--variable', `CADRE_HOME=${ROOT}`];
  for (const [key, value] of Object.entries(variables)) args.push('--variable', `${key}=${value}`);
  const run = await runProcess(BIN, args, { cwd: dir, env: { ...env, HOME: home }, timeoutMs: 60_000 });
  return { ...run, log: run.stdout + run.stderr };
}

function artifacts(dir: string, job: string): string[] {
  const folder = join(dir, '.gitlab-ci-local', 'artifacts', job);
  return existsSync(folder) ? readdirSync(folder).sort() : [];
}

describe.skipIf(Boolean(reason))('gitlab-ci-template.yml under gitlab-ci-local', () => {
  it('passes the GitLab CI JSON schema that gitlab-ci-local embeds; a broken copy does not', { timeout: 60_000 }, async () => {
    const dir = project();
    const valid = await runProcess(BIN, ['--list', '--no-color', '--home', tempDir('cadre-gcl-home-')], { cwd: dir, env, timeoutMs: 30_000 });
    expect(valid.stdout + valid.stderr).toContain('json schema validated');
    expect(valid.stdout).toMatch(/^cadre\s.*test/m);
    expect(valid.stdout).toMatch(/^cadre-verify\s.*deploy/m);

    const broken = readFileSync(join(ROOT, 'gitlab-ci-template.yml'), 'utf8').replace('when: always', 'when: sometimes');
    writeFileSync(join(dir, 'cadre-template.yml'), broken);
    writeFileSync(join(dir, '.gitlab-ci.yml'), 'include:\n  - local: cadre-template.yml\n');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'broken');
    const invalid = await runProcess(BIN, ['--list', '--no-color', '--home', tempDir('cadre-gcl-home-')], { cwd: dir, env, timeoutMs: 30_000 });
    expect(invalid.stdout + invalid.stderr).not.toContain('json schema validated');
    expect(invalid.stdout + invalid.stderr).toMatch(/artifacts|when/);
  });

  it('runs cadre then cadre-verify, passing the report through artifacts', { timeout: 60_000 }, async () => {
    const dir = project();
    const run = await pipeline(dir, { CADRE_FAIL_ON: 'none', CADRE_LANG: 'en' });
    expect(run.log).toMatch(/PASS\s+cadre\s/);
    expect(run.log).toMatch(/PASS\s+cadre-verify/);
    expect(run.code).toBe(0);
    expect(artifacts(dir, 'cadre')).toEqual(['cadre-junit.xml', 'cadre-report.html', 'cadre-report.json', 'gl-code-quality-report.json']);
    const report = JSON.parse(readFileSync(join(dir, '.gitlab-ci-local', 'artifacts', 'cadre', 'cadre-report.json'), 'utf8'));
    expect(report.target.commit).toBe(execFileSync('git', ['rev-parse', 'HEAD'], { cwd: dir, encoding: 'utf8' }).trim());
    expect(run.log).toContain('report verified');
  });

  it('fails the cadre job on the gate, keeps the reports (when: always) and does not deploy', { timeout: 60_000 }, async () => {
    const dir = project();
    const run = await pipeline(dir, {});
    expect(run.code).not.toBe(0);
    expect(run.log).toMatch(/FAIL\s+cadre\s/);
    expect(run.log).not.toMatch(/cadre-verify\s+starting/);
    expect(artifacts(dir, 'cadre')).toEqual(['cadre-junit.xml', 'cadre-report.html', 'cadre-report.json', 'gl-code-quality-report.json']);
  });

  it('sharded: two parallel cadre jobs, cadre-merge joins their artifacts, cadre-verify checks the joined report', { timeout: 90_000 }, async () => {
    const dir = project(SHARDED);
    const run = await pipeline(dir, { CADRE_FAIL_ON: 'none', CADRE_LANG: 'en' });
    expect(run.log).toMatch(/PASS\s+cadre: \[1\/2\]/);
    expect(run.log).toMatch(/PASS\s+cadre: \[2\/2\]/);
    expect(run.log).toMatch(/PASS\s+cadre-merge/);
    expect(run.log).toMatch(/PASS\s+cadre-verify/);
    expect(run.code).toBe(0);
    expect(run.log).toContain('cadre: 2 shard reports merged.');
    const shardFiles = readdirSync(join(dir, '.gitlab-ci-local', 'artifacts'))
      .filter((job) => job !== 'cadre-merge')
      .flatMap((job) => artifacts(dir, job));
    expect(shardFiles.sort()).toEqual(['cadre-shard-1.json', 'cadre-shard-2.json']);
    expect(artifacts(dir, 'cadre-merge')).toEqual(['cadre-junit.xml', 'cadre-report.html', 'cadre-report.json', 'gl-code-quality-report.json']);
    const report = JSON.parse(readFileSync(join(dir, '.gitlab-ci-local', 'artifacts', 'cadre-merge', 'cadre-report.json'), 'utf8'));
    expect(report.shard).toBeUndefined();
    expect(report.findings.some((f: { file?: string }) => !f.file)).toBe(true);
    expect(report.findings.some((f: { file?: string }) => f.file === 'k8s/batch.yaml')).toBe(true);
    expect(run.log).toContain('report verified');
  });
});
