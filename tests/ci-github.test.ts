// The GitHub Action, bundled (dist/index.js), against a fake GitHub API:
// - twice through GitHub's own @github/local-action (inputs from a dotenv file, a real
//   pull_request payload from @octokit/webhooks-examples): annotations, job summary, outputs,
//   one comment created then updated, found on the second page of comments;
// - directly as the runner starts it (node dist/index.js with INPUT_* and GITHUB_*): fork pull
//   request (403), API failure (5xx), only-changed, verify mode, a bad input.
//
// Why both: local-action is the real client, but it replaces @actions/core by a stub only for
// unbundled sources; on the bundle the real @actions/core runs (what we want to test) and its
// run() export is called. The direct runs cover the other cases faster, with the runner's exact
// environment, including the inputs' defaults, which local-action leaves unset.

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../src/model/types.js';
import { FakeGitHub } from './ci-fixtures/fake-api.js';
import { cleanTemps, demoRepo, ROOT, tempDir, type DemoRepo } from './ci-fixtures/repos.js';
import { actionInputs, annotations, cleanEnv, DIST, githubEnv, readOutputs, runProcess } from './ci-fixtures/runner.js';

const TOKEN = 'ghs_cadreTestToken0123456789abcdef';
const MARKER = '<!-- cadre-report -->';
const require = createRequire(import.meta.url);

/** The pull_request "opened" example of @octokit/webhooks-examples, pointed at our commits. */
function payload(repo: DemoRepo, fork = false): string {
  const examples = require('@octokit/webhooks-examples/api.github.com/index.json') as { name: string; examples: Record<string, any>[] }[];
  const event = structuredClone(examples.find((e) => e.name === 'pull_request')!.examples.find((e) => e.action === 'opened')!);
  event.pull_request.base.sha = repo.base;
  event.pull_request.head.sha = repo.head;
  if (fork) {
    // The examples hold no fork pull request: the same payload with the head in another repository.
    event.pull_request.head.repo = { ...event.pull_request.head.repo, full_name: 'forker/Hello-World', fork: true, owner: { login: 'forker' } };
    event.pull_request.head.label = 'forker:changes';
  }
  const path = join(tempDir(), 'event.json');
  writeFileSync(path, JSON.stringify(event));
  return path;
}

let api: FakeGitHub;
beforeAll(async () => {
  if (!existsSync(join(DIST, 'index.js'))) throw new Error('dist/index.js is missing: run npm run build:action');
  api = await new FakeGitHub(TOKEN, 'Codertocat', 'Hello-World').start();
});
afterAll(async () => {
  await api?.close();
  cleanTemps();
});

async function direct(repo: DemoRepo, inputs: Record<string, string>, options: { fork?: boolean; sha?: string } = {}) {
  const temp = tempDir();
  const env = {
    ...cleanEnv(),
    ...githubEnv({ workspace: repo.dir, temp, eventPath: payload(repo, options.fork), apiUrl: api.url, sha: options.sha ?? repo.head }),
    ...actionInputs(TOKEN, inputs),
  };
  const run = await runProcess(process.execPath, [join(DIST, 'index.js')], { cwd: repo.dir, env, timeoutMs: 60_000 });
  return { ...run, outputs: readOutputs(env.GITHUB_OUTPUT), summary: readFileSync(env.GITHUB_STEP_SUMMARY, 'utf8'), found: annotations(run.stdout) };
}

describe('GitHub Action through @github/local-action', () => {
  it('annotates, summarises, sets outputs, and creates then updates one comment', { timeout: 90_000 }, async () => {
    const repo = demoRepo();
    api.seed(2, 150); // two pages of 100: the cadre comment will be on the second
    const dotenv = (temp: string) => {
      const env = { ...githubEnv({ workspace: repo.dir, temp, eventPath: payload(repo), apiUrl: api.url, sha: repo.head }), INPUT_TOKEN: TOKEN, INPUT_LANG: 'en' };
      const file = join(temp, '.env');
      writeFileSync(file, Object.entries(env).map(([k, v]) => `${k}=${v}`).join('\n'));
      return { file, env };
    };
    const localAction = async () => {
      const { file, env } = dotenv(tempDir());
      const run = await runProcess(join(ROOT, 'node_modules', '.bin', 'local-action'), ['run', ROOT, 'dist/index.js', file], {
        cwd: ROOT,
        env: { ...cleanEnv(), NO_COLOR: '1', FORCE_COLOR: '0' },
        timeoutMs: 60_000,
      });
      return { ...run, env };
    };

    const first = await localAction();
    expect(first.stdout).toContain('Running Action');
    // The full list is in the log, folded, with workflow commands off around it.
    const stop = /^::stop-commands::(.+)$/m.exec(first.stdout)?.[1];
    expect(stop).toMatch(/^[0-9a-f-]{36}$/);
    expect(first.stdout).toContain(`\n::${stop}::\n`);
    expect(first.stdout).toMatch(/^::group::cadre: \d+ finding\(s\)$/m);
    const found = annotations(first.stdout);
    const errors = found.filter((a) => a.level === 'error');
    // 10 error slots: 9 findings (critical first) and the step's failure.
    expect(errors).toHaveLength(10);
    // Highest severity first: every critical finding before any high one.
    const ranks = errors.slice(0, -1).map((a) => (a.props.title.startsWith('cadre critical') ? 0 : 1));
    expect(ranks).toEqual([...ranks].sort());
    expect(ranks[0]).toBe(0);
    expect(errors.find((a) => a.props.title === 'cadre critical: k8s-privileged-container')).toMatchObject({ props: { file: expect.stringMatching(/^k8s\/(api|batch)\.yaml$/), line: expect.stringMatching(/^\d+$/) } });
    expect(errors.at(-1)!.message).toMatch(/^cadre: \d+ findings at or above high\.$/);
    expect(found.filter((a) => a.level === 'warning').length).toBeLessThanOrEqual(10);
    expect(found.filter((a) => a.level === 'notice').length).toBeLessThanOrEqual(10);
    expect(found.at(-2)).toMatchObject({ level: 'notice', message: expect.stringMatching(/^\d+ findings not annotated .*cadre-report\.json/) });

    const summary = readFileSync(first.env.GITHUB_STEP_SUMMARY, 'utf8');
    expect(summary).toContain('k8s-privileged-container');
    expect(Buffer.byteLength(summary)).toBeLessThan(900 * 1024);
    const outputs = readOutputs(first.env.GITHUB_OUTPUT);
    const report = JSON.parse(readFileSync(join(repo.dir, 'cadre-report.json'), 'utf8')) as Report;
    expect(outputs).toMatchObject({ passed: 'false', 'report-file': 'cadre-report.json', 'sarif-file': 'cadre.sarif', critical: String(report.summary.bySeverity.critical) });
    expect(Number(outputs.critical)).toBeGreaterThanOrEqual(7);
    expect(JSON.parse(readFileSync(join(repo.dir, 'cadre.sarif'), 'utf8')).version).toBe('2.1.0');

    const firstRequests = api.requests.splice(0);
    expect(firstRequests.map((r) => `${r.method} ${r.path} ${r.query.page ?? '1'}`)).toEqual([
      'GET /repos/Codertocat/Hello-World/issues/2/comments 1',
      'GET /repos/Codertocat/Hello-World/issues/2/comments 2',
      'POST /repos/Codertocat/Hello-World/issues/2/comments 1',
    ]);
    expect(firstRequests.every((r) => r.auth === `token ${TOKEN}`)).toBe(true);
    expect(firstRequests[0].query.per_page).toBe('100');
    const created = firstRequests[2].body as { body: string };
    expect(created.body.startsWith(MARKER)).toBe(true);
    expect(created.body).toContain('k8s-privileged-container');
    expect(created.body).toContain('https://github.com/Codertocat/Hello-World/actions/runs/4242');
    expect(created.body.length).toBeLessThanOrEqual(60_000);

    const second = await localAction();
    expect(annotations(second.stdout).filter((a) => a.level === 'error')).toHaveLength(10);
    const secondRequests = api.requests.splice(0);
    const comments = api.comments.get(2)!;
    const ours = comments.filter((c) => c.body.includes(MARKER));
    expect(ours).toHaveLength(1);
    expect(comments).toHaveLength(151);
    expect(secondRequests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /repos/Codertocat/Hello-World/issues/2/comments',
      'GET /repos/Codertocat/Hello-World/issues/2/comments',
      `PATCH /repos/Codertocat/Hello-World/issues/comments/${ours[0].id}`,
    ]);
    expect(secondRequests.every((r) => r.auth === `token ${TOKEN}`)).toBe(true);
    for (const output of [first.stdout, first.stderr, second.stdout, second.stderr, summary]) expect(output).not.toContain(TOKEN);
  });
});

describe('GitHub Action as the runner starts it', () => {
  it('on a fork pull request (403), degrades to annotations and summary, says so, and keeps the verdict', { timeout: 60_000 }, async () => {
    const repo = demoRepo();
    api.failWrites = { status: 403, message: 'Resource not accessible by integration' };
    try {
      const run = await direct(repo, { lang: 'en' }, { fork: true });
      expect(run.code).toBe(1);
      expect(run.outputs.passed).toBe('false');
      const warning = run.found.find((a) => a.level === 'warning' && a.message.startsWith('Pull request from a fork'));
      expect(warning?.message).toContain('HTTP 403: Resource not accessible by integration');
      expect(run.summary).toContain('Pull request from a fork');
      expect(run.found.filter((a) => a.level === 'error')).toHaveLength(10);
      // One write attempt (a create, or an update when an earlier test left a comment), refused.
      const writes = api.requests.splice(0).filter((r) => r.method !== 'GET');
      expect(writes).toHaveLength(1);
      expect(writes[0].auth).toBe(`token ${TOKEN}`);
      expect(existsSync(join(repo.dir, 'cadre-report.json'))).toBe(true);
      expect(run.stdout + run.stderr).not.toContain(TOKEN);
    } finally {
      api.failWrites = undefined;
    }
  });

  it('when the API fails (5xx), keeps the report and the verdict, and says what it could not post', { timeout: 60_000 }, async () => {
    const repo = demoRepo();
    api.failAll = { status: 500, message: `Internal error while handling token ${TOKEN}` };
    try {
      const failing = await direct(repo, { lang: 'en' });
      expect(failing.code).toBe(1);
      expect(failing.found.some((a) => a.level === 'warning' && /^The comment could not be posted \(HTTP 500: Internal error while handling token \*\*\*\)/.test(a.message))).toBe(true);
      expect(existsSync(join(repo.dir, 'cadre-report.json'))).toBe(true);
      expect(existsSync(join(repo.dir, 'cadre.sarif'))).toBe(true);
      const passing = await direct(repo, { lang: 'en', 'fail-on': 'none' });
      expect(passing.code).toBe(0);
      expect(passing.outputs.passed).toBe('true');
      for (const text of [failing.stdout, failing.stderr, failing.summary, passing.stdout]) expect(text).not.toContain(TOKEN);
    } finally {
      api.failAll = undefined;
      api.requests.splice(0);
    }
  });

  it('with only-changed, annotates and gates only what the pull request touched; the report stays complete', { timeout: 60_000 }, async () => {
    const repo = demoRepo({ 'k8s/extra.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: registry.example/c:1.0.0\n      securityContext:\n        privileged: true\n' });
    const run = await direct(repo, { lang: 'en', 'only-changed': 'on', comment: 'off', 'report-file': 'out/report.json' });
    expect(api.requests.splice(0)).toEqual([]);
    const located = run.found.filter((a) => a.props.file);
    expect(located.length).toBeGreaterThan(0);
    expect(located.every((a) => a.props.file === 'k8s/extra.yaml')).toBe(true);
    expect(run.found.some((a) => a.level === 'notice' && a.message.startsWith(`Only the lines changed since ${repo.base.slice(0, 12)} are gated (1 changed file)`))).toBe(true);
    const report = JSON.parse(readFileSync(join(repo.dir, 'out', 'report.json'), 'utf8')) as Report;
    expect(report.findings.some((f) => f.file === 'k8s/api.yaml')).toBe(true);
    expect(Number(run.outputs.findings)).toBeLessThan(report.summary.findings);
    expect(run.code).toBe(1); // the privileged container is on a changed line
  });

  it('verify mode: the report must exist, be for this commit and pass the gate', { timeout: 60_000 }, async () => {
    const repo = demoRepo();
    mkdirSync(join(repo.dir, 'reports'));
    const check = await direct(repo, { comment: 'off', 'report-file': 'reports/cadre.json' });
    expect(check.code).toBe(1);
    // Verification only reads the report: the four runs are independent.
    const [passing, failing, otherCommit, missing] = await Promise.all([
      direct(repo, { mode: 'verify', 'report-file': 'reports/cadre.json', 'fail-on': 'none' }),
      direct(repo, { mode: 'verify', 'report-file': 'reports/cadre.json', lang: 'en' }),
      direct(repo, { mode: 'verify', 'report-file': 'reports/cadre.json', 'fail-on': 'none', commit: repo.base }),
      direct(repo, { mode: 'verify', 'report-file': 'nope.json', 'fail-on': 'none' }),
    ]);
    expect(passing.code).toBe(0);
    expect(passing.outputs.passed).toBe('true');
    expect(failing.code).toBe(1);
    expect(failing.found.at(-1)?.message).toMatch(/^cadre: report not verified: /);
    expect(otherCommit.code).toBe(1);
    expect(otherCommit.found.at(-1)?.message).toContain(repo.base.slice(0, 7));
    expect(missing.code).toBe(1);
    expect(missing.found.at(-1)?.message).toContain('report not found');
    expect(api.requests.splice(0)).toEqual([]);
  });

  it('refuses an input it does not understand, without scanning', { timeout: 30_000 }, async () => {
    const repo = demoRepo();
    const run = await direct(repo, { 'fail-on': 'severe' });
    expect(run.code).toBe(1);
    expect(run.found).toEqual([{ level: 'error', props: {}, message: expect.stringMatching(/^cadre: fail-on must be one of critical, high, medium, low, info, none/) }]);
    expect(run.outputs.passed).toBe('false');
    expect(existsSync(join(repo.dir, 'cadre-report.json'))).toBe(false);
  });
});
