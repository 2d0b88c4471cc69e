// Running the bundled adapters the way each CI does: a child process with the environment the
// GitHub runner or the GitLab runner sets, output captured, a timeout that fails on hangs.

import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { ROOT } from './repos.js';

export const DIST = join(ROOT, 'dist');

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The parent's environment without anything a CI it may itself run in would leak into the child. */
export function cleanEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value === undefined) continue;
    if (/^(GITHUB_|INPUT_|RUNNER_|ACTIONS_|CI_|CADRE_|GITLAB_)/.test(key) || key === 'CI' || key === 'NODE_OPTIONS' || key.startsWith('VITEST')) continue;
    env[key] = value;
  }
  return env;
}

export function runProcess(command: string, args: string[], options: { cwd: string; env: Record<string, string>; timeoutMs: number }): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${command} ${args.join(' ')} hung for ${options.timeoutMs} ms\n${stdout}\n${stderr}`));
    }, options.timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** INPUT_* as the runner sets them: every input of action.yml, its default unless given. Hyphens stay. */
export function actionInputs(token: string, given: Record<string, string>): Record<string, string> {
  const action = load(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, { default?: string }> };
  const env: Record<string, string> = {};
  for (const [name, spec] of Object.entries(action.inputs)) {
    const value = given[name] ?? String(spec.default ?? '').replace('${{ github.token }}', token);
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  }
  return env;
}

/** The variables the GitHub runner sets for a pull_request job step (files created empty). */
export function githubEnv(options: { workspace: string; temp: string; eventPath: string; apiUrl: string; sha: string; eventName?: string }): Record<string, string> {
  const files = { GITHUB_STEP_SUMMARY: 'step_summary', GITHUB_OUTPUT: 'output', GITHUB_STATE: 'state', GITHUB_ENV: 'env', GITHUB_PATH: 'path' };
  const env: Record<string, string> = {
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_EVENT_NAME: options.eventName ?? 'pull_request',
    GITHUB_EVENT_PATH: options.eventPath,
    GITHUB_REPOSITORY: 'Codertocat/Hello-World',
    GITHUB_REPOSITORY_OWNER: 'Codertocat',
    GITHUB_SHA: options.sha,
    GITHUB_REF: 'refs/pull/2/merge',
    GITHUB_API_URL: options.apiUrl,
    GITHUB_GRAPHQL_URL: `${options.apiUrl}/graphql`,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_JOB: 'cadre',
    GITHUB_ACTION: 'cadre',
    GITHUB_WORKFLOW: 'cadre',
    RUNNER_OS: 'Linux',
    RUNNER_TEMP: options.temp,
  };
  for (const [key, name] of Object.entries(files)) {
    const path = join(options.temp, name);
    if (!existsSync(path)) writeFileSync(path, '');
    env[key] = path;
  }
  return env;
}

/** The outputs the step wrote to GITHUB_OUTPUT (name<<delimiter … delimiter). */
export function readOutputs(path: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = readFileSync(path, 'utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([^=<]+)<<(.+)$/.exec(lines[i]);
    if (heredoc) {
      const value: string[] = [];
      while (++i < lines.length && lines[i] !== heredoc[2]) value.push(lines[i]);
      outputs[heredoc[1]] = value.join('\n');
    } else if (lines[i].includes('=')) {
      const [name, ...rest] = lines[i].split('=');
      outputs[name] = rest.join('=');
    }
  }
  return outputs;
}

/** Workflow commands the step printed: `::level props::message`. */
export function annotations(stdout: string): { level: string; props: Record<string, string>; message: string }[] {
  const found: { level: string; props: Record<string, string>; message: string }[] = [];
  let stopped: string | undefined;
  for (const line of stdout.split('\n')) {
    // As the runner: nothing is a command between ::stop-commands::TOKEN and ::TOKEN::.
    if (stopped) {
      if (line === `::${stopped}::`) stopped = undefined;
      continue;
    }
    const stop = /^::stop-commands::(.+)$/.exec(line);
    if (stop) {
      stopped = stop[1];
      continue;
    }
    const m = /^::(error|warning|notice)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!m) continue;
    const props = Object.fromEntries(
      (m[2] ?? '')
        .split(',')
        .filter(Boolean)
        .map((p) => {
          const [k, ...v] = p.split('=');
          return [k, decodeURIComponent(v.join('=').replace(/%(?![0-9A-F]{2})/g, '%25'))];
        }),
    );
    found.push({ level: m[1], props, message: decodeURIComponent(m[3].replace(/%(?![0-9A-F]{2})/g, '%25')) });
  }
  return found;
}
