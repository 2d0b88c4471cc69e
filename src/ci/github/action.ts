// The GitHub Action (action.yml → dist/index.js, bundled from this file). A thin layer over the
// core: inputs → ciCheck → report files, annotations, job summary, one sticky pull request
// comment, outputs, verdict. With `mode: verify`, it checks a stored report instead.
//
// Fail closed: the verdict comes from the findings alone. When the comment, the summary or a
// file cannot be written (fork pull request with a read-only token, 403, 5xx, rate limit), the
// step says so and still passes or fails on the findings.

import { randomUUID } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as core from '@actions/core';
import * as github from '@actions/github';
import { ConfigError } from '../../config/load.js';
import { TargetError } from '../../scan.js';
import { DEFAULT_FAIL_ON } from '../../check.js';
import { verifyReport } from '../../gate/verify.js';
import type { GateResult } from '../../gate/gate.js';
import { SEVERITIES, type Report } from '../../model/types.js';
import { oneLine } from '../../render/sanitize.js';
import { CiInputError, ciCheck, describeScope, failOnOf, flagOf, langOf, listOf, render, writeOutput, type CiOutcome } from '../check.js';
import { markdownBody, MARKDOWN_MARKER } from '../markdown.js';
import { describeFailure, formatFailure, mask, upsertSticky, type PublishFailure } from '../sticky-note.js';
import { ciTexts, type CiTexts } from '../texts.js';
import { planAnnotations, type Annotation, type Budget } from './annotations.js';

/** GitHub refuses step summaries over 1 MiB (the upload fails); keep well below. */
export const SUMMARY_MAX_BYTES = 900 * 1024;
/** Comments over 65,536 characters get HTTP 422. */
export const COMMENT_MAX_CHARS = 60_000;
/** Each API call; a hung API must not hang the job. */
const REQUEST_TIMEOUT_MS = 30_000;

export const DEFAULTS = {
  path: '.',
  'sarif-file': 'cadre.sarif',
  'report-file': 'cadre-report.json',
  comment: 'on',
  'only-changed': 'off',
  mode: 'check',
} as const;

function input(name: string): string {
  const value = core.getInput(name);
  return value !== '' ? value : ((DEFAULTS as Record<string, string>)[name] ?? '');
}

export async function run(): Promise<void> {
  // No core.setSecret: it would print the token in an add-mask command; the runner already masks
  // github.token and secrets, and cadre masks the token in every message it writes.
  const token = core.getInput('token');
  try {
    const mode = input('mode');
    if (mode === 'verify') return verifyMode();
    if (mode !== 'check') throw new CiInputError(`mode must be check or verify (got "${oneLine(mode)}")`);
    await checkMode(token);
  } catch (error) {
    core.setOutput('passed', 'false');
    if (error instanceof CiInputError || error instanceof TargetError) core.setFailed(`cadre: ${oneLine(error.message)}`);
    else if (error instanceof ConfigError) core.setFailed(`cadre: invalid configuration\n${error.message}`);
    else core.setFailed(mask(`cadre: internal error: ${oneLine((error as Error)?.stack ?? String(error))}`, [token]));
  }
}

function workspace(): string {
  return process.env.GITHUB_WORKSPACE || process.cwd();
}

async function checkMode(token: string): Promise<void> {
  const ws = workspace();
  const pathInput = input('path');
  const target = resolve(ws, pathInput);
  const pr = github.context.payload.pull_request as PullRequest | undefined;
  const onlyChanged = flagOf('only-changed', input('only-changed'), false);
  const configInput = input('config');

  const outcome = await ciCheck({
    target,
    targetName: pathInput,
    configPath: configInput ? resolve(ws, configInput) : undefined,
    ruleFolders: listOf(input('rules')).map((dir) => resolve(ws, dir)),
    profile: input('profile') || undefined,
    lang: langOf('lang', input('lang')),
    failOn: failOnOf('fail-on', input('fail-on')),
    onlyChanged: onlyChanged ? (pr?.base?.sha ? { base: pr.base.sha } : null) : undefined,
  });
  const { report, scoped, gate } = outcome;
  const t = ciTexts(report.lang);
  const notes: string[] = [];
  const scopeLine = describeScope(outcome.scope, report.lang);
  if (scopeLine) notes.push(scopeLine);

  // The log: every finding in scope, in the console format, folded. Workflow commands are turned
  // off around it: a scanned file could hold a line such as `::add-mask::` or `::error::`.
  const stop = randomUUID();
  core.startGroup(`cadre: ${scoped.summary.findings} finding(s)`);
  process.stdout.write(`::stop-commands::${stop}\n`);
  process.stdout.write(await render('console', scoped, { color: false, gate }));
  process.stdout.write(`::${stop}::\n`);
  core.endGroup();

  // Files first: whatever happens next, the report is kept. Both hold the full report.
  const reportFile = input('report-file');
  const sarifFile = input('sarif-file');
  const problems: string[] = [];
  for (const [path, format] of [
    [reportFile, 'json'],
    [sarifFile, 'sarif'],
  ] as const) {
    if (!path) continue;
    const written = writeOutput(ws, path, await render(format, report, { gate }));
    if (written.error) problems.push(t.writeFailed(path, written.error));
    else core.info(t.written(path));
  }

  // The comment and the summary before the annotations: their failures are among the adapter's own
  // messages, which come out of the same annotation budget.
  const commentOn = flagOf('comment', input('comment'), true);
  if (commentOn && pr?.number) {
    const posted = await postComment(token, pr, outcome, notes, t);
    if (posted.problem) problems.push(posted.problem);
    else if (posted.action) core.info(t.posted(t.comment, posted.action));
  }

  // The job summary: the same Markdown as the comment, larger.
  try {
    const summary = await markdownBody(scoped, gate, { max: SUMMARY_MAX_BYTES, unit: 'bytes' }, { header: [...notes, ...problems] });
    await core.summary.addRaw(summary).write();
  } catch (error) {
    problems.push(t.postFailed(t.summary, formatFailure(describeFailure(error, [token]))));
  }

  // Annotations: the adapter's messages, then the findings within what is left of each level.
  for (const note of notes) core.notice(note);
  for (const problem of problems) core.warning(problem);
  const used: Budget = { error: gate.passed ? 0 : 1, warning: problems.length, notice: notes.length };
  const plan = planAnnotations(scoped.findings, posixRelative(ws, target), used);
  for (const annotation of plan.annotations) emit(annotation);
  if (plan.left > 0) core.notice(t.notAnnotated(plan.left, reportFile || sarifFile || 'cadre'));

  setOutputs(scoped, gate, reportFile, sarifFile);
  const failOn = gate.failOn;
  if (gate.passed) core.info(t.passed(failOn));
  else core.setFailed(t.failed(gate.blocking, failOn));
}

function emit(annotation: Annotation): void {
  const { level, message, ...properties } = annotation;
  if (level === 'error') core.error(message, properties);
  else if (level === 'warning') core.warning(message, properties);
  else core.notice(message, properties);
}

function setOutputs(scoped: Report, gate: GateResult, reportFile: string, sarifFile: string): void {
  core.setOutput('passed', String(gate.passed));
  core.setOutput('blocking', String(gate.blocking));
  core.setOutput('findings', String(scoped.summary.findings));
  core.setOutput('waived', String(scoped.summary.waived));
  for (const severity of SEVERITIES) core.setOutput(severity, String(scoped.summary.bySeverity[severity]));
  core.setOutput('report-file', reportFile);
  core.setOutput('sarif-file', sarifFile);
}

interface PullRequest {
  number: number;
  base?: { sha?: string; repo?: { full_name?: string } };
  head?: { repo?: { full_name?: string; fork?: boolean } | null };
}

function isFork(pr: PullRequest): boolean {
  const head = pr.head?.repo;
  if (!head) return true; // the fork was deleted
  return head.full_name !== pr.base?.repo?.full_name;
}

async function postComment(
  token: string,
  pr: PullRequest,
  outcome: CiOutcome,
  notes: string[],
  t: CiTexts,
): Promise<{ action?: 'created' | 'updated'; problem?: string }> {
  if (!token) return { problem: t.postFailed(t.comment, 'no token') };
  const { owner, repo } = github.context.repo;
  const runUrl =
    process.env.GITHUB_SERVER_URL && process.env.GITHUB_REPOSITORY && process.env.GITHUB_RUN_ID
      ? `${process.env.GITHUB_SERVER_URL}/${process.env.GITHUB_REPOSITORY}/actions/runs/${process.env.GITHUB_RUN_ID}`
      : undefined;
  try {
    const body = await markdownBody(
      outcome.scoped,
      outcome.gate,
      { max: COMMENT_MAX_CHARS, unit: 'chars' },
      { marker: true, header: notes, footer: runUrl ? [`[${t.fullRun}](${runUrl})`] : [] },
    );
    const octokit = github.getOctokit(token);
    const request = () => ({ signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    const result = await upsertSticky<number>(
      {
        async find(match) {
          const pages = octokit.paginate.iterator(octokit.rest.issues.listComments, { owner, repo, issue_number: pr.number, per_page: 100, request: request() });
          for await (const page of pages) {
            const found = page.data.find((comment) => match(comment.body ?? ''));
            if (found) return found.id;
          }
          return undefined;
        },
        async create(text) {
          return (await octokit.rest.issues.createComment({ owner, repo, issue_number: pr.number, body: text, request: request() })).data.id;
        },
        async update(id, text) {
          return (await octokit.rest.issues.updateComment({ owner, repo, comment_id: id, body: text, request: request() })).data.id;
        },
      },
      MARKDOWN_MARKER,
      body,
    );
    return { action: result.action };
  } catch (error) {
    const failure: PublishFailure = describeFailure(error, [token]);
    const denied = failure.status === 403 || failure.status === 404 || failure.status === 401;
    if (denied && isFork(pr)) return { problem: `${t.forkDegraded} (${formatFailure(failure)})` };
    if (denied) return { problem: t.forbidden(t.comment, formatFailure(failure)) };
    return { problem: t.postFailed(t.comment, formatFailure(failure)) };
  }
}

/** `mode: verify`: the stored report exists, is a cadre report of this commit, and passes the gate. */
function verifyMode(): void {
  const ws = workspace();
  const reportFile = input('report-file');
  const commit = input('commit') || process.env.GITHUB_SHA || undefined;
  const failOn = failOnOf('fail-on', input('fail-on')) ?? DEFAULT_FAIL_ON;
  const t = ciTexts(langOf('lang', input('lang')) ?? 'fr');
  const result = verifyReport({ reportPath: resolve(ws, reportFile), commit, failOn });
  core.setOutput('report-file', reportFile);
  core.setOutput('passed', String(result.ok));
  if (result.ok) {
    core.info(t.verified);
    return;
  }
  core.setFailed(`${t.notVerified}: ${result.reasons.map(oneLine).join('; ')}`);
}

function posixRelative(from: string, to: string): string {
  return relative(from, to).split(/[\\/]/).filter(Boolean).join('/');
}

// Run when executed by the runner (node dist/index.js); @github/local-action imports the module
// and calls run() itself.
const invokedDirectly = (() => {
  try {
    return process.argv[1] !== undefined && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
})();

if (invokedDirectly) void run();
