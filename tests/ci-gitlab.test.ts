// The GitLab adapter, bundled (dist/gitlab.js, what gitlab-ci-template.yml runs), with the
// variables a merge request pipeline sets and a fake GitLab API: Code Quality, JUnit, JSON and
// HTML reports, one note created then updated (found on the second page of notes), no note on
// other pipelines, and the token never shown, even when the API fails or echoes it. Sharded: shard
// jobs, each in its own checkout, then a merge job that must give what the unsharded job gives.

import { copyFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../src/model/types.js';
import { FakeGitLab } from './ci-fixtures/fake-api.js';
import { cleanTemps, demoRepo, type DemoRepo } from './ci-fixtures/repos.js';
import { cleanEnv, DIST, runProcess } from './ci-fixtures/runner.js';

const TOKEN = 'glpat-cadreTestToken-0123456789';
const JOB_TOKEN = 'glcbt-job-token-never-used';
const MARKER = '<!-- cadre-report -->';
const NOTES = '/api/v4/projects/42/merge_requests/7/notes';

let api: FakeGitLab;
beforeAll(async () => {
  if (!existsSync(join(DIST, 'gitlab.js'))) throw new Error('dist/gitlab.js is missing: run npm run build:action');
  api = await new FakeGitLab(TOKEN).start();
});
afterAll(async () => {
  await api?.close();
  cleanTemps();
});

function gitlabEnv(repo: DemoRepo, mergeRequest: boolean): Record<string, string> {
  const env: Record<string, string> = {
    CI: 'true',
    GITLAB_CI: 'true',
    CI_PROJECT_DIR: repo.dir,
    CI_SERVER_URL: api.url,
    CI_API_V4_URL: `${api.url}/api/v4`,
    CI_PROJECT_ID: '42',
    CI_PROJECT_PATH: 'prefecture/demarches',
    CI_COMMIT_SHA: repo.head,
    CI_JOB_URL: `${api.url}/prefecture/demarches/-/jobs/99`,
    CI_JOB_TOKEN: JOB_TOKEN,
    CI_DEFAULT_BRANCH: 'main',
    CI_PIPELINE_SOURCE: mergeRequest ? 'merge_request_event' : 'push',
  };
  if (mergeRequest) {
    Object.assign(env, {
      CI_MERGE_REQUEST_IID: '7',
      CI_MERGE_REQUEST_DIFF_BASE_SHA: repo.base,
      CI_MERGE_REQUEST_TARGET_BRANCH_NAME: 'main',
      CI_MERGE_REQUEST_SOURCE_BRANCH_NAME: 'feature',
    });
  } else {
    env.CI_COMMIT_BRANCH = 'feature';
  }
  return env;
}

async function gitlab(repo: DemoRepo, variables: Record<string, string>, mergeRequest = true) {
  const env = { ...cleanEnv(), ...gitlabEnv(repo, mergeRequest), CADRE_GITLAB_TOKEN: TOKEN, CADRE_LANG: 'en', ...variables };
  return runProcess(process.execPath, [join(DIST, 'gitlab.js')], { cwd: repo.dir, env, timeoutMs: 60_000 });
}

/** Every file the job left in the project, for the token check. */
function allOutputs(dir: string): string {
  return readdirSync(dir)
    .filter((name) => /^(cadre|gl-)/.test(name))
    .map((name) => readFileSync(join(dir, name), 'utf8'))
    .join('\n');
}

describe('GitLab adapter on a merge request pipeline', () => {
  it('writes Code Quality, JUnit, JSON and HTML, creates then updates one note', { timeout: 90_000 }, async () => {
    const repo = demoRepo();
    api.seed('42', 7, 120); // 20 per page by default; asked for 100: two pages

    const first = await gitlab(repo, {});
    expect(first.code).toBe(1);
    expect(first.stdout).toContain('k8s-privileged-container');
    expect(first.stdout).toContain('Note created.');
    expect(first.stderr).toMatch(/^cadre: \d+ findings at or above high\.$/m);

    const report = JSON.parse(readFileSync(join(repo.dir, 'cadre-report.json'), 'utf8')) as Report;
    const codequality = JSON.parse(readFileSync(join(repo.dir, 'gl-code-quality-report.json'), 'utf8'));
    expect(readFileSync(join(repo.dir, 'gl-code-quality-report.json'))[0]).toBe('['.charCodeAt(0)); // no byte-order mark
    expect(Array.isArray(codequality)).toBe(true);
    expect(codequality.length).toBeGreaterThan(0);
    for (const issue of codequality) {
      expect(typeof issue.description).toBe('string');
      expect(typeof issue.check_name).toBe('string');
      expect(typeof issue.fingerprint).toBe('string');
      expect(['info', 'minor', 'major', 'critical', 'blocker']).toContain(issue.severity);
      expect(typeof issue.location.path).toBe('string');
      expect(Number.isInteger(issue.location.lines?.begin ?? issue.location.positions?.begin?.line)).toBe(true);
    }
    expect(new Set(codequality.map((i: { fingerprint: string }) => i.fingerprint)).size).toBe(codequality.length);
    expect(codequality.some((i: { check_name: string; location: { path: string } }) => i.check_name === 'k8s-privileged-container' && i.location.path === 'k8s/batch.yaml')).toBe(true);

    const junit = readFileSync(join(repo.dir, 'cadre-junit.xml'), 'utf8');
    expect(XMLValidator.validate(junit)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false }).parse(junit);
    expect(parsed.testsuites ?? parsed.testsuite).toBeDefined();
    expect(junit).toContain('k8s-privileged-container');
    expect(readFileSync(join(repo.dir, 'cadre-report.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/i);
    expect(report.target.commit).toBe(repo.head);

    const firstRequests = api.requests.splice(0);
    expect(firstRequests.map((r) => `${r.method} ${r.path} ${r.query.page ?? '-'}`)).toEqual([`GET ${NOTES} -`, `GET ${NOTES} 2`, `POST ${NOTES} -`]);
    expect(firstRequests[0].query).toMatchObject({ sort: 'asc', order_by: 'created_at', per_page: '100' });
    expect(firstRequests.every((r) => r.auth === TOKEN)).toBe(true);
    const created = firstRequests[2].body as { body: string };
    expect(created.body.startsWith(MARKER)).toBe(true);
    expect(created.body).toContain('k8s-privileged-container');
    expect(created.body).toContain('/-/jobs/99');

    const second = await gitlab(repo, {});
    expect(second.code).toBe(1);
    expect(second.stdout).toContain('Note updated.');
    const ours = api.notesOf('42', 7).filter((n) => n.body.includes(MARKER));
    expect(ours).toHaveLength(1);
    expect(api.notesOf('42', 7)).toHaveLength(121);
    expect(api.requests.splice(0).map((r) => `${r.method} ${r.path}`)).toEqual([`GET ${NOTES}`, `GET ${NOTES}`, `PUT ${NOTES}/${ours[0].id}`]);

    for (const text of [first.stdout, first.stderr, second.stdout, second.stderr, allOutputs(repo.dir)]) {
      expect(text).not.toContain(TOKEN);
      expect(text).not.toContain(JOB_TOKEN);
    }
  });

  it('posts no note on other pipelines, and still gates and writes the reports', { timeout: 60_000 }, async () => {
    const repo = demoRepo();
    const run = await gitlab(repo, { CADRE_REPORT_JUNIT: 'reports/junit.xml', CADRE_REPORT_HTML: '' }, false);
    expect(run.code).toBe(1);
    expect(api.requests.splice(0)).toEqual([]);
    expect(existsSync(join(repo.dir, 'reports', 'junit.xml'))).toBe(true);
    expect(existsSync(join(repo.dir, 'cadre-report.html'))).toBe(false);
    expect(run.stdout).not.toMatch(/note/i);
  });

  it('when the API fails, keeps the verdict and never shows the token, even echoed back', { timeout: 60_000 }, async () => {
    const repo = demoRepo();
    try {
      api.failAll = { status: 500, message: `token ${TOKEN} rejected by proxy` };
      const failing = await gitlab(repo, {});
      expect(failing.code).toBe(1);
      expect(failing.stderr).toContain('The note could not be posted (HTTP 500: token *** rejected by proxy)');
      expect(existsSync(join(repo.dir, 'gl-code-quality-report.json'))).toBe(true);
      const passing = await gitlab(repo, { CADRE_FAIL_ON: 'none' });
      expect(passing.code).toBe(0);
      api.failAll = undefined;
      api.failWrites = { status: 403, message: '403 Forbidden' };
      const forbidden = await gitlab(repo, {});
      expect(forbidden.code).toBe(1);
      expect(forbidden.stderr).toContain('The note could not be posted (HTTP 403: 403 Forbidden)');
      for (const run of [failing, passing, forbidden]) {
        expect(run.stdout + run.stderr).not.toContain(TOKEN);
        expect(run.stdout + run.stderr).not.toContain(JOB_TOKEN);
      }
      expect(allOutputs(repo.dir)).not.toContain(TOKEN);
      expect(api.requests.splice(0).every((r) => r.auth === TOKEN)).toBe(true);
    } finally {
      api.failAll = undefined;
      api.failWrites = undefined;
    }
  });

  it('says why there is no note without a token; exit 2 on a bad variable', { timeout: 60_000 }, async () => {
    const repo = demoRepo();
    const noToken = await gitlab(repo, { CADRE_GITLAB_TOKEN: '' });
    expect(noToken.code).toBe(1);
    expect(noToken.stdout).toContain('No merge request note: CADRE_GITLAB_TOKEN is not set');
    expect(api.requests.splice(0)).toEqual([]);
    const bad = await gitlab(repo, { CADRE_FAIL_ON: 'severe' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^cadre: CADRE_FAIL_ON must be one of/);
  });

  it('with CADRE_ONLY_CHANGED, gates only the lines the merge request touched', { timeout: 60_000 }, async () => {
    const repo = demoRepo();
    const run = await gitlab(repo, { CADRE_ONLY_CHANGED: 'true', CADRE_COMMENT: 'false' });
    expect(api.requests.splice(0)).toEqual([]);
    expect(run.stdout).toContain(`Only the lines changed since ${repo.base.slice(0, 12)} are gated (1 changed file)`);
    expect(run.stdout).toContain('k8s/batch.yaml');
    expect(run.stdout).not.toContain('k8s/api.yaml');
    const report = JSON.parse(readFileSync(join(repo.dir, 'cadre-report.json'), 'utf8')) as Report;
    expect(report.findings.some((f) => f.file === 'k8s/api.yaml')).toBe(true);
    expect(run.code).toBe(1);
  });
});

/** The report without what differs between two runs of the same scan. */
function timeless(path: string): Omit<Report, 'startedAt' | 'durationMs'> {
  const { startedAt: _startedAt, durationMs: _durationMs, ...rest } = JSON.parse(readFileSync(path, 'utf8')) as Report;
  return rest;
}

describe('GitLab adapter, sharded: parallel shard jobs, then the merge job', () => {
  /**
   * The jobs of `parallel: total` (those of `indexes`), each in a fresh checkout of the same commit
   * as GitLab runs them; their shard reports end up in `merge` as the merge job's artifacts.
   */
  async function shardJobs(total: number, indexes: number[], merge: DemoRepo, extra: Record<string, string> = {}, variables: Record<string, string> = {}) {
    const runs = [];
    for (const index of indexes) {
      const checkout = demoRepo(undefined, extra);
      expect(checkout.head).toBe(merge.head);
      const run = await gitlab(checkout, { CADRE_SHARD_STEP: 'scan', CI_NODE_INDEX: String(index), CI_NODE_TOTAL: String(total), ...variables });
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toContain(`cadre: shard ${index} of ${total} scanned; the merge job joins the shards, then gates.`);
      expect(readdirSync(checkout.dir).filter((name) => /^(cadre|gl-)/.test(name))).toEqual([`cadre-shard-${index}.json`]);
      copyFileSync(join(checkout.dir, `cadre-shard-${index}.json`), join(merge.dir, `cadre-shard-${index}.json`));
      runs.push(run);
    }
    expect(api.requests.splice(0)).toEqual([]); // no note from a shard
    return runs;
  }

  it('gives the unsharded report, gate, Code Quality and JUnit files, and one note', { timeout: 120_000 }, async () => {
    const unsharded = demoRepo();
    const normal = await gitlab(unsharded, { CADRE_COMMENT: 'false' });
    expect(normal.code).toBe(1);

    const merge = demoRepo();
    const shards = await shardJobs(3, [1, 2, 3], merge);
    const parts = [1, 2, 3].map((index) => JSON.parse(readFileSync(join(merge.dir, `cadre-shard-${index}.json`), 'utf8')) as Report);
    expect(parts.map((part) => part.shard)).toEqual([1, 2, 3].map((index) => ({ index, total: 3 })));
    // The case worth testing: file findings spread over several shards, repository-level ones in shard 1 only.
    expect(parts.filter((part) => part.findings.some((f) => f.file)).length).toBeGreaterThan(1);
    expect(parts.map((part) => part.findings.some((f) => !f.file))).toEqual([true, false, false]);

    const merged = await gitlab(merge, { CADRE_SHARD_STEP: 'merge', CI_MERGE_REQUEST_IID: '8' });
    expect(merged.code).toBe(1);
    expect(merged.stdout).toContain('cadre: 3 shard reports merged.');
    expect(merged.stdout).toContain('Note created.');
    expect(merged.stderr.trim().split('\n').at(-1)).toBe(normal.stderr.trim().split('\n').at(-1));

    expect(timeless(join(merge.dir, 'cadre-report.json'))).toEqual(timeless(join(unsharded.dir, 'cadre-report.json')));
    expect(JSON.parse(readFileSync(join(merge.dir, 'gl-code-quality-report.json'), 'utf8'))).toEqual(JSON.parse(readFileSync(join(unsharded.dir, 'gl-code-quality-report.json'), 'utf8')));
    const junit = readFileSync(join(merge.dir, 'cadre-junit.xml'), 'utf8');
    expect(XMLValidator.validate(junit)).toBe(true);
    expect(junit).toContain('k8s-privileged-container');
    expect(readFileSync(join(merge.dir, 'cadre-report.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/i);

    const notes = '/api/v4/projects/42/merge_requests/8/notes';
    expect(api.requests.splice(0).map((r) => `${r.method} ${r.path}`)).toEqual([`GET ${notes}`, `POST ${notes}`]);
    expect(api.notesOf('42', 8)).toHaveLength(1);
    expect(api.notesOf('42', 8)[0].body.startsWith(MARKER)).toBe(true);

    for (const run of [...shards, merged]) {
      expect(run.stdout + run.stderr).not.toContain(TOKEN);
      expect(run.stdout + run.stderr).not.toContain(JOB_TOKEN);
    }
  });

  it("gates with the threshold of .cadre.yml's profile and scopes to the change, as the unsharded job", { timeout: 120_000 }, async () => {
    const extra = { '.cadre.yml': 'profile: strict\n' };
    const variables = { CADRE_ONLY_CHANGED: 'true', CADRE_COMMENT: 'false' };
    const normal = await gitlab(demoRepo(undefined, extra), variables);
    const merge = demoRepo(undefined, extra);
    await shardJobs(2, [1, 2], merge, extra, variables);
    const merged = await gitlab(merge, { ...variables, CADRE_SHARD_STEP: 'merge' });
    expect(api.requests.splice(0)).toEqual([]);
    expect(merged.code).toBe(normal.code);
    expect(merged.stderr).toMatch(/^cadre: \d+ findings? at or above medium\.$/m);
    expect(merged.stderr.trim().split('\n').at(-1)).toBe(normal.stderr.trim().split('\n').at(-1));
    const scope = `Only the lines changed since ${merge.base.slice(0, 12)} are gated`;
    expect(normal.stdout).toContain(scope);
    expect(merged.stdout).toContain(scope);
  });

  it('refuses an incomplete set of shards, naming the missing ones, and a merge without shards', { timeout: 90_000 }, async () => {
    const merge = demoRepo();
    const none = await gitlab(merge, { CADRE_SHARD_STEP: 'merge' });
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^cadre: no shard report \(cadre-shard-\*\.json\) in /m);

    await shardJobs(3, [1, 3], merge);
    const incomplete = await gitlab(merge, { CADRE_SHARD_STEP: 'merge' });
    expect(incomplete.code).toBe(2);
    expect(incomplete.stderr).toContain('cadre: cannot merge the shard reports: shards 1, 3 given, 1, 2, 3 expected (missing: cadre-shard-2.json)');
    expect(existsSync(join(merge.dir, 'cadre-report.json'))).toBe(false);
    expect(api.requests.splice(0)).toEqual([]);
  });

  it('exits 2 on an unknown CADRE_SHARD_STEP', { timeout: 60_000 }, async () => {
    const run = await gitlab(demoRepo(), { CADRE_SHARD_STEP: 'split' });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('cadre: CADRE_SHARD_STEP must be scan, merge or empty (got "split")\n');
    expect(api.requests.splice(0)).toEqual([]);
  });
});
