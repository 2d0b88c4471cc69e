// The GitLab CI adapter, run by gitlab-ci-template.yml (node dist/gitlab.js, or node
// lib/ci/gitlab/main.js from a build). A thin layer over the core: CI_* and CADRE_* variables →
// ciCheck → Code Quality, JUnit, JSON and HTML reports → one sticky merge request note on merge
// request pipelines → exit code = the gate (0 passes, 1 fails, 2 usage or configuration error).
// Sharded (CADRE_SHARD_STEP, see shards.ts): the `scan` jobs only write their partial reports; the
// `merge` job joins them and then does all of the above with the joined report.
//
// Fail closed: the note is best effort. If it cannot be posted (no token, 403, 5xx, rate limit),
// the job says so and exits on the findings alone. The token is never printed.

import { existsSync, realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError } from '../../config/load.js';
import { TargetError } from '../../scan.js';
import { oneLine } from '../../render/sanitize.js';
import { runCheck } from '../../check.js';
import { CiInputError, ciCheck, ciJudge, describeScope, failOnOf, flagOf, langOf, listOf, render, renderOptional, writeOutput, type CiCheckRequest, type CiOutcome } from '../check.js';
import { markdownBody, MARKDOWN_MARKER } from '../markdown.js';
import { describeFailure, formatFailure, mask } from '../sticky-note.js';
import { ciTexts } from '../texts.js';
import { upsertMergeRequestNote, type TransportOptions } from './notes.js';
import { mergeShardReports, shardOfNode, shardReportPath } from './shards.js';

export const TOKEN_VARIABLE = 'CADRE_GITLAB_TOKEN';
/** GitLab accepts notes up to 1,000,000 characters; a note is read by people. */
export const NOTE_MAX_CHARS = 100_000;

/** Report files and their defaults, relative to CI_PROJECT_DIR. Empty: not written. */
export const REPORT_VARIABLES = {
  CADRE_REPORT_JSON: { format: 'json', default: 'cadre-report.json' },
  CADRE_REPORT_CODEQUALITY: { format: 'codequality', default: 'gl-code-quality-report.json' },
  CADRE_REPORT_JUNIT: { format: 'junit', default: 'cadre-junit.xml' },
  CADRE_REPORT_HTML: { format: 'html', default: 'cadre-report.html' },
  CADRE_REPORT_SARIF: { format: 'sarif', default: '' },
} as const;

export interface GitlabIO {
  env: Record<string, string | undefined>;
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Tests shorten the retries of the note transport. */
  transport?: TransportOptions;
}

export async function runGitlab(io: GitlabIO): Promise<number> {
  const token = io.env[TOKEN_VARIABLE] || undefined;
  const safe = (text: string) => mask(text, [token]);
  const out = (text: string) => io.stdout(safe(text));
  const err = (text: string) => io.stderr(safe(text));
  try {
    return await runStep(gitlabJob(io, token, out, err));
  } catch (error) {
    if (error instanceof CiInputError || error instanceof TargetError) {
      err(`cadre: ${oneLine(error.message)}\n`);
      return 2;
    }
    if (error instanceof ConfigError) {
      err(`cadre: invalid configuration\n${error.message}\n`);
      return 2;
    }
    err(`cadre: internal error: ${oneLine((error as Error)?.stack ?? String(error))}\n`);
    return 2;
  }
}

/** The job as its variables describe it. */
interface GitlabJob {
  io: GitlabIO;
  token: string | undefined;
  out: (text: string) => void;
  err: (text: string) => void;
  projectDir: string;
  /** The check the CADRE_* variables ask for, only-changed included. */
  request: CiCheckRequest;
  isMergeRequest: boolean;
  commentOn: boolean;
}

function gitlabJob(io: GitlabIO, token: string | undefined, out: GitlabJob['out'], err: GitlabJob['err']): GitlabJob {
  const env = io.env;
  // The job starts in CI_PROJECT_DIR on GitLab; gitlab-ci-local's shell executor names a
  // /builds/... folder there but runs in the repository: trust the variable only when it exists.
  const projectDir = env.CI_PROJECT_DIR && existsSync(env.CI_PROJECT_DIR) ? env.CI_PROJECT_DIR : io.cwd;
  const pathVar = env.CADRE_PATH || '.';
  const isMergeRequest = env.CI_PIPELINE_SOURCE === 'merge_request_event' && Boolean(env.CI_MERGE_REQUEST_IID);
  const onlyChanged = flagOf('CADRE_ONLY_CHANGED', env.CADRE_ONLY_CHANGED, false);
  const diffBase = env.CI_MERGE_REQUEST_DIFF_BASE_SHA || (env.CI_MERGE_REQUEST_TARGET_BRANCH_NAME ? `origin/${env.CI_MERGE_REQUEST_TARGET_BRANCH_NAME}` : undefined);
  return {
    io,
    token,
    out,
    err,
    projectDir,
    request: {
      target: resolve(projectDir, pathVar),
      targetName: pathVar,
      configPath: env.CADRE_CONFIG ? resolve(projectDir, env.CADRE_CONFIG) : undefined,
      ruleFolders: listOf(env.CADRE_RULES).map((dir) => resolve(projectDir, dir)),
      profile: env.CADRE_PROFILE || undefined,
      lang: langOf('CADRE_LANG', env.CADRE_LANG),
      failOn: failOnOf('CADRE_FAIL_ON', env.CADRE_FAIL_ON),
      exclude: listOf(env.CADRE_EXCLUDE),
      onlyChanged: onlyChanged ? (isMergeRequest && diffBase ? { base: diffBase } : null) : undefined,
    },
    isMergeRequest,
    commentOn: flagOf('CADRE_COMMENT', env.CADRE_COMMENT, true),
  };
}

/** CADRE_SHARD_STEP: unset, the whole check; `scan`, one shard of a `parallel:` job; `merge`, the job that joins them. */
async function runStep(job: GitlabJob): Promise<number> {
  const step = (job.io.env.CADRE_SHARD_STEP ?? '').trim();
  switch (step) {
    case '':
      return publish(job, await ciCheck(job.request));
    case 'scan':
      return scanShard(job);
    case 'merge': {
      const merged = mergeShardReports(job.projectDir);
      job.out(`${ciTexts(merged.report.lang).shardsMerged(merged.files.length)}\n`);
      return publish(job, await ciJudge(job.request, merged.report));
    }
    default:
      throw new CiInputError(`CADRE_SHARD_STEP must be scan, merge or empty (got "${oneLine(step)}")`);
  }
}

/** One shard: its partial report for the merge job, no note, no gate. */
async function scanShard(job: GitlabJob): Promise<number> {
  const shard = shardOfNode(job.io.env);
  const { onlyChanged: _appliedByTheMergeJob, ...checkRequest } = job.request;
  const { report } = await runCheck({ ...checkRequest, shard });
  const t = ciTexts(report.lang);
  job.out(await render('console', report, { color: false }));
  const path = shardReportPath(shard);
  const written = writeOutput(job.projectDir, path, await render('json', report, { color: false }));
  if (written.error) {
    // The partial report is all this job produces: without it the merge job cannot run.
    job.err(`${t.writeFailed(path, written.error)}\n`);
    return 2;
  }
  job.out(`${t.written(path)}\n${t.shardScanned(shard.index, shard.total)}\n`);
  return 0;
}

/** What the job does once it has a judged report: log, report files, note, exit code = the gate. */
async function publish(job: GitlabJob, outcome: CiOutcome): Promise<number> {
  const { token, out, err } = job;
  const env = job.io.env;
  const { report, scoped, gate } = outcome;
  const t = ciTexts(report.lang);

  // The job log: what is gated, in the console format.
  out(await render('console', scoped, { color: false, gate }));
  const scopeLine = describeScope(outcome.scope, report.lang);
  const notes = scopeLine ? [scopeLine] : [];
  for (const note of notes) out(`${note}\n`);

  // Report files: the full report, whatever happens next.
  for (const [variable, spec] of Object.entries(REPORT_VARIABLES)) {
    const path = env[variable] ?? spec.default;
    if (!path) continue;
    const text = await renderOptional(spec.format, report, { gate, color: false });
    if (text === undefined) continue; // renderer not in this build (HTML)
    const written = writeOutput(job.projectDir, path, text);
    if (written.error) err(`${t.writeFailed(path, written.error)}\n`);
    else out(`${t.written(path)}\n`);
  }

  // The note: merge request pipelines only, best effort.
  if (job.isMergeRequest && job.commentOn) {
    if (!token) {
      out(`${t.noToken(TOKEN_VARIABLE)}\n`);
    } else if (!env.CI_SERVER_URL || !env.CI_PROJECT_ID) {
      err(`${t.postFailed(t.note, 'CI_SERVER_URL / CI_PROJECT_ID missing')}\n`);
    } else {
      try {
        const footer = env.CI_JOB_URL ? [`[${t.fullRun}](${env.CI_JOB_URL})`] : [];
        const body = await markdownBody(scoped, gate, { max: NOTE_MAX_CHARS, unit: 'chars' }, { marker: true, header: notes, footer });
        const result = await upsertMergeRequestNote(
          { host: env.CI_SERVER_URL, token, projectId: env.CI_PROJECT_ID, mergeRequestIid: Number(env.CI_MERGE_REQUEST_IID) },
          MARKDOWN_MARKER,
          body,
          job.io.transport,
        );
        out(`${t.posted(t.note, result.action)}\n`);
      } catch (error) {
        err(`${t.postFailed(t.note, formatFailure(describeFailure(error, [token])))}\n`);
      }
    }
  }

  if (gate.passed) {
    out(`${t.passed(gate.failOn)}\n`);
    return 0;
  }
  err(`${t.failed(gate.blocking, gate.failOn)}\n`);
  return 1;
}

const invokedDirectly = (() => {
  try {
    return process.argv[1] !== undefined && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
})();

if (invokedDirectly) {
  runGitlab({
    env: process.env,
    cwd: process.cwd(),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  }).then(
    (code) => {
      process.exitCode = code;
    },
    () => {
      process.exitCode = 2;
    },
  );
}
