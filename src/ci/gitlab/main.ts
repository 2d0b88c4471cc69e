// The GitLab CI adapter, run by gitlab-ci-template.yml (node dist/gitlab.js, or node
// lib/ci/gitlab/main.js from a build). A thin layer over the core: CI_* and CADRE_* variables →
// ciCheck → Code Quality, JUnit, JSON and HTML reports → one sticky merge request note on merge
// request pipelines → exit code = the gate (0 passes, 1 fails, 2 usage or configuration error).
//
// Fail closed: the note is best effort. If it cannot be posted (no token, 403, 5xx, rate limit),
// the job says so and exits on the findings alone. The token is never printed.

import { existsSync, realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError } from '../../config/load.js';
import { TargetError } from '../../scan.js';
import { oneLine } from '../../render/sanitize.js';
import { CiInputError, ciCheck, describeScope, failOnOf, flagOf, langOf, listOf, render, renderOptional, writeOutput } from '../check.js';
import { markdownBody, MARKDOWN_MARKER } from '../markdown.js';
import { describeFailure, formatFailure, mask } from '../sticky-note.js';
import { ciTexts } from '../texts.js';
import { upsertMergeRequestNote, type TransportOptions } from './notes.js';

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
  const env = io.env;
  const token = env[TOKEN_VARIABLE] || undefined;
  const safe = (text: string) => mask(text, [token]);
  const out = (text: string) => io.stdout(safe(text));
  const err = (text: string) => io.stderr(safe(text));
  try {
    return await check(io, env, token, out, err);
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

async function check(io: GitlabIO, env: GitlabIO['env'], token: string | undefined, out: (t: string) => void, err: (t: string) => void): Promise<number> {
  // The job starts in CI_PROJECT_DIR on GitLab; gitlab-ci-local's shell executor names a
  // /builds/... folder there but runs in the repository: trust the variable only when it exists.
  const projectDir = env.CI_PROJECT_DIR && existsSync(env.CI_PROJECT_DIR) ? env.CI_PROJECT_DIR : io.cwd;
  const pathVar = env.CADRE_PATH || '.';
  const isMergeRequest = env.CI_PIPELINE_SOURCE === 'merge_request_event' && Boolean(env.CI_MERGE_REQUEST_IID);
  const onlyChanged = flagOf('CADRE_ONLY_CHANGED', env.CADRE_ONLY_CHANGED, false);
  const diffBase = env.CI_MERGE_REQUEST_DIFF_BASE_SHA || (env.CI_MERGE_REQUEST_TARGET_BRANCH_NAME ? `origin/${env.CI_MERGE_REQUEST_TARGET_BRANCH_NAME}` : undefined);
  const commentOn = flagOf('CADRE_COMMENT', env.CADRE_COMMENT, true);

  const outcome = await ciCheck({
    target: resolve(projectDir, pathVar),
    targetName: pathVar,
    configPath: env.CADRE_CONFIG ? resolve(projectDir, env.CADRE_CONFIG) : undefined,
    ruleFolders: listOf(env.CADRE_RULES).map((dir) => resolve(projectDir, dir)),
    profile: env.CADRE_PROFILE || undefined,
    lang: langOf('CADRE_LANG', env.CADRE_LANG),
    failOn: failOnOf('CADRE_FAIL_ON', env.CADRE_FAIL_ON),
    exclude: listOf(env.CADRE_EXCLUDE),
    onlyChanged: onlyChanged ? (isMergeRequest && diffBase ? { base: diffBase } : null) : undefined,
  });
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
    const written = writeOutput(projectDir, path, text);
    if (written.error) err(`${t.writeFailed(path, written.error)}\n`);
    else out(`${t.written(path)}\n`);
  }

  // The note: merge request pipelines only, best effort.
  if (isMergeRequest && commentOn) {
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
          io.transport,
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
