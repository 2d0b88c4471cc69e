// The shared pieces of the CI adapters, without a CI: changed lines from git, the report
// restricted to the change, the annotation budget, size cuts, sticky comments, error masking.

import { afterAll, describe, expect, it } from 'vitest';
import { changedLines, ChangedLinesError, parseUnifiedDiff, restrictToChange, touchedByChange } from '../src/ci/changed-lines.js';
import { ciCheck, CiInputError, failOnOf, flagOf, listOf } from '../src/ci/check.js';
import { planAnnotations } from '../src/ci/github/annotations.js';
import { cut, sizeOf } from '../src/ci/markdown.js';
import { describeFailure, mask, upsertSticky } from '../src/ci/sticky-note.js';
import { boundedRequester, GitlabApiError, upsertMergeRequestNote } from '../src/ci/gitlab/notes.js';
import type { Finding, Report } from '../src/model/types.js';
import { FakeGitLab } from './ci-fixtures/fake-api.js';
import { cleanTemps, demoRepo, git, tempDir, write } from './ci-fixtures/repos.js';

afterAll(cleanTemps);

function finding(partial: Partial<Finding>): Finding {
  return { ruleId: 'r', severity: 'high', domain: 'security', message: 'm', references: [], fingerprint: Math.random().toString(36), ...partial };
}

describe('parseUnifiedDiff', () => {
  it('reads added and modified lines of the new side, ignoring deletions and deleted files', () => {
    const diff = [
      'diff --git a/a.txt b/a.txt',
      '--- a/a.txt',
      '+++ b/a.txt',
      '@@ -1,0 +2,3 @@',
      '+x',
      '@@ -10 +12 @@',
      '-old',
      '+new',
      '@@ -20,2 +23,0 @@',
      'diff --git a/gone.txt b/gone.txt',
      '--- a/gone.txt',
      '+++ /dev/null',
      '@@ -1,3 +0,0 @@',
      'diff --git a/dir/é t.txt b/dir/é t.txt',
      '--- a/dir/é t.txt',
      '+++ "b/dir/\\303\\251 t\\"q.txt"',
      '@@ -0,0 +1 @@',
    ].join('\n');
    const files = parseUnifiedDiff(diff);
    expect([...files.keys()]).toEqual(['a.txt', 'dir/é t"q.txt']);
    expect([...files.get('a.txt')!]).toEqual([2, 3, 4, 12]);
    expect([...files.get('dir/é t"q.txt')!]).toEqual([1]);
  });
});

describe('changedLines', () => {
  it('diffs the working tree against the merge base, relative to a scanned sub-folder', () => {
    const dir = tempDir();
    write(dir, 'app/a.yaml', 'a: 1\nb: 2\nc: 3\n');
    write(dir, 'other/x.txt', 'x\n');
    git(dir, 'init', '-q', '-b', 'main');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'base');
    git(dir, 'checkout', '-q', '-b', 'feature');
    write(dir, 'app/a.yaml', 'a: 1\nb: changed\nc: 3\nd: 4\n');
    write(dir, 'other/x.txt', 'y\n');
    git(dir, 'commit', '-q', '-am', 'change');
    git(dir, 'checkout', '-q', 'main');
    write(dir, 'app/main-only.txt', 'later on main\n');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'main moves on');
    git(dir, 'checkout', '-q', 'feature');

    const changed = changedLines(`${dir}/app`, 'main');
    expect(changed.base).toBe(git(dir, 'rev-parse', 'main~1'));
    expect([...changed.files.keys()]).toEqual(['a.yaml']);
    expect([...changed.files.get('a.yaml')!].sort()).toEqual([2, 4]);
  });

  it('fails with a hint when there is no merge base (shallow clone, unknown ref)', () => {
    const { dir } = demoRepo();
    expect(() => changedLines(dir, 'origin/does-not-exist')).toThrow(ChangedLinesError);
    expect(() => changedLines(dir, 'origin/does-not-exist')).toThrow(/fetch-depth: 0/);
    expect(() => changedLines(tempDir(), 'main')).toThrow(/not a git work tree/);
  });
});

describe('only-changed', () => {
  it('keeps findings on changed lines and repository-level ones, recounts the summary and gates on them', async () => {
    const { dir, base } = demoRepo();
    const full = await ciCheck({ target: dir, lang: 'en' });
    const scoped = await ciCheck({ target: dir, lang: 'en', onlyChanged: { base } });
    expect(scoped.report).toEqual({ ...full.report, startedAt: scoped.report.startedAt, durationMs: scoped.report.durationMs });
    expect(scoped.scope).toMatchObject({ kind: 'changed', base, files: 1 });
    const files = new Set(scoped.scoped.findings.map((f) => f.file));
    expect(files).toEqual(new Set(['k8s/batch.yaml', undefined]));
    expect(scoped.scoped.findings.some((f) => !f.file)).toBe(true);
    expect(full.report.findings.some((f) => f.file === 'k8s/api.yaml')).toBe(true);
    const outside = (scoped.scope as { outside: number }).outside;
    expect(outside).toBe(full.report.findings.length - scoped.scoped.findings.length);
    expect(scoped.scoped.summary.findings).toBe(scoped.scoped.findings.filter((f) => !f.waiver).length);
    expect(Object.values(scoped.scoped.summary.bySeverity).reduce((a, b) => a + b, 0)).toBe(scoped.scoped.summary.findings);
    expect(scoped.gate.blocking).toBe(scoped.scoped.findings.filter((f) => ['critical', 'high'].includes(f.severity)).length);
  });

  it('gates on the whole report when the change cannot be computed, and says why', async () => {
    const { dir } = demoRepo();
    const outcome = await ciCheck({ target: dir, lang: 'en', onlyChanged: { base: 'no-such-ref' } });
    expect(outcome.scope.kind).toBe('fallback');
    expect(outcome.scoped).toBe(outcome.report);
    const notReview = await ciCheck({ target: dir, lang: 'en', onlyChanged: null });
    expect(notReview.scope.kind).toBe('not-review');
  });

  it('counts a multi-line finding as touched when any of its lines changed', () => {
    const changed = { base: 'x', files: new Map([['a', new Set([5])]]) };
    expect(touchedByChange(finding({ file: 'a', line: 3, endLine: 6 }), changed)).toBe(true);
    expect(touchedByChange(finding({ file: 'a', line: 6 }), changed)).toBe(false);
    expect(touchedByChange(finding({ file: 'b', line: 5 }), changed)).toBe(false);
    expect(touchedByChange(finding({ file: 'b' }), changed)).toBe(true);
    expect(touchedByChange(finding({}), changed)).toBe(true);
    const report = { findings: [finding({ file: 'a', line: 5 }), finding({ file: 'a', line: 9, waiver: { source: 'file', location: 'w', justification: 'j' } })], summary: { files: 1 } } as unknown as Report;
    expect(restrictToChange(report, changed)).toMatchObject({ outside: 1, report: { summary: { findings: 1, waived: 0, files: 1 } } });
  });
});

describe('planAnnotations', () => {
  const many = (severity: Finding['severity'], n: number, file = 'f.yaml') => Array.from({ length: n }, (_, i) => finding({ severity, file, line: i + 1, ruleId: `${severity}-${i}` }));

  it('annotates highest severity first within 10 per level and reserves a notice for the rest', () => {
    const findings = [...many('high', 8), ...many('critical', 5), ...many('medium', 12), ...many('low', 3), ...many('info', 20)];
    const plan = planAnnotations(findings, 'sub', { error: 1, warning: 0, notice: 0 });
    const errors = plan.annotations.filter((a) => a.level === 'error');
    expect(errors).toHaveLength(9);
    expect(errors.slice(0, 5).every((a) => a.title.includes('critical'))).toBe(true);
    expect(plan.annotations.filter((a) => a.level === 'warning')).toHaveLength(10);
    const notices = plan.annotations.filter((a) => a.level === 'notice');
    expect(notices).toHaveLength(9);
    expect(notices.slice(0, 3).every((a) => a.title.includes('low'))).toBe(true);
    expect(plan.left).toBe(findings.length - 28);
    expect(errors[0]).toMatchObject({ file: 'sub/f.yaml', startLine: 1 });
  });

  it('needs no closing notice when everything fits, skips waived findings and keeps columns on one line only', () => {
    const waived = finding({ severity: 'critical', file: 'a', line: 1, waiver: { source: 'inline', location: 'a:1', justification: 'ok' } });
    const plan = planAnnotations(
      [waived, ...many('low', 10), finding({ severity: 'high', file: 'b', line: 2, endLine: 4, column: 3, endColumn: 9 }), finding({ severity: 'medium', message: 'no licence', ruleId: 'lic' })],
      '',
      { error: 0, warning: 0, notice: 0 },
    );
    expect(plan.left).toBe(0);
    expect(plan.annotations.filter((a) => a.level === 'notice')).toHaveLength(10);
    expect(plan.annotations.find((a) => a.file === 'b')).toEqual({ level: 'error', title: 'cadre high: r', message: 'm', file: 'b', startLine: 2, endLine: 4 });
    expect(plan.annotations.find((a) => a.level === 'warning')).toEqual({ level: 'warning', title: 'cadre medium: lic', message: 'no licence (lic)' });
  });

  it('neutralizes hostile text: one line, no control characters', () => {
    const plan = planAnnotations([finding({ file: 'x', line: 1, message: 'a\n::error::forged\u001b[31m\u202e' })], '', { error: 0, warning: 0, notice: 0 });
    expect(plan.annotations[0].message).not.toMatch(/[\n\u001b\u202e]/);
  });
});

describe('sizes', () => {
  it('cuts at a line boundary within a byte budget and says so', () => {
    const text = Array.from({ length: 1000 }, (_, i) => `ligne ${i} éèà`).join('\n');
    const out = cut(text, { max: 2000, unit: 'bytes' }, 'tronqué');
    expect(sizeOf(out, 'bytes')).toBeLessThanOrEqual(2000);
    expect(out.trimEnd().endsWith('_tronqué_')).toBe(true);
    expect(out.split('\n')[0]).toBe('ligne 0 éèà');
    expect(cut('short', { max: 100, unit: 'chars' }, 'x')).toBe('short');
  });
});

describe('inputs', () => {
  it('reads flags, thresholds and lists, and refuses what it does not understand', () => {
    expect(flagOf('c', 'ON', false)).toBe(true);
    expect(flagOf('c', 'false', true)).toBe(false);
    expect(flagOf('c', '', true)).toBe(true);
    expect(() => flagOf('comment', 'of', true)).toThrow(CiInputError);
    expect(failOnOf('f', 'medium')).toBe('medium');
    expect(failOnOf('f', '')).toBeUndefined();
    expect(() => failOnOf('fail-on', 'severe')).toThrow(/fail-on must be one of/);
    expect(listOf('a, b\nc,,')).toEqual(['a', 'b', 'c']);
  });
});

describe('sticky comments and failures', () => {
  it('updates the comment holding the marker, creates one otherwise', async () => {
    const calls: string[] = [];
    const api = (existing?: number) => ({
      find: async (match: (b: string) => boolean) => (existing !== undefined && match('x <!-- m --> y') ? existing : undefined),
      create: async (body: string) => (calls.push(`create ${body}`), 1),
      update: async (id: number, body: string) => (calls.push(`update ${id} ${body}`), id),
    });
    expect(await upsertSticky(api(), '<!-- m -->', 'hello')).toEqual({ action: 'created', id: 1 });
    expect(await upsertSticky(api(7), '<!-- m -->', '<!-- m -->\nhello')).toEqual({ action: 'updated', id: 7 });
    expect(calls).toEqual(['create <!-- m -->\nhello', 'update 7 <!-- m -->\nhello']);
  });

  it('describes an API error by status and message only, secrets masked', () => {
    const error = Object.assign(new Error('Bad credentials for s3cr3t-token'), { status: 401, request: { headers: { authorization: 'token s3cr3t-token' } } });
    const failure = describeFailure(error, ['s3cr3t-token']);
    expect(failure).toEqual({ status: 401, detail: 'Bad credentials for ***' });
    expect(mask('a s3cr3t b s3cr3t', ['s3cr3t', undefined, ''])).toBe('a *** b ***');
  });

  it('GitLab transport: bounded retries on 503, then a status and description without the token', async () => {
    const token = 'glpat-unit-test-token-0001';
    const api = await new FakeGitLab(token).start();
    try {
      api.failAll = { status: 503, message: `overloaded (your token ${token})` };
      const started = Date.now();
      const error = await upsertMergeRequestNote({ host: api.url, token, projectId: 42, mergeRequestIid: 7 }, '<!-- m -->', 'body', { attempts: 3, backoffMs: 10 }).catch((e) => e);
      expect(Date.now() - started).toBeLessThan(5000);
      expect(error).toBeInstanceOf(GitlabApiError);
      expect(error.status).toBe(503);
      expect(error.message).toBe('overloaded (your token ***)');
      expect(JSON.stringify(error)).not.toContain(token);
      expect(String(error.stack)).not.toContain(token);
      expect(api.requests).toHaveLength(3);
      expect(api.requests.every((r) => r.auth === token && r.path === '/api/v4/projects/42/merge_requests/7/notes')).toBe(true);
      expect(typeof boundedRequester()).toBe('function');
    } finally {
      await api.close();
    }
  });
});
