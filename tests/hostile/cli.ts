// Runs the built CLI (lib/cli/main.js) as a pipeline would, with a safety timeout: a run killed by
// the timeout is a hang, and the test says so. The child's peak resident memory is recorded by a
// module loaded before cadre (process.resourceUsage() covers its worker threads too).

import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CLI = fileURLToPath(new URL('../../lib/cli/main.js', import.meta.url));

const RSS_PROBE = `data:text/javascript,${encodeURIComponent(
  "import{writeFileSync}from'node:fs';process.on('exit',()=>{const f=process.env.CADRE_TEST_RSS_FILE;if(f)writeFileSync(f,String(process.resourceUsage().maxRSS))})",
)}`;

export interface CliRun {
  code: number | null;
  /** Set when the safety timeout killed the run: a hang. */
  timedOut: boolean;
  stdout: string;
  stderr: string;
  milliseconds: number;
  /** Peak resident memory of the cadre process, KiB. */
  maxRssKiB?: number;
}

let runs = 0;

export function runCli(args: string[], options: { cwd: string; timeoutMs?: number; env?: Record<string, string> }): Promise<CliRun> {
  const rssFile = join(tmpdir(), `cadre-rss-${process.pid}-${++runs}`);
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', CADRE_TEST_RSS_FILE: rssFile, ...options.env };
  delete env.FORCE_COLOR;
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', RSS_PROBE, CLI, ...args], { cwd: options.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs ?? 120_000);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      let maxRssKiB: number | undefined;
      if (existsSync(rssFile)) {
        maxRssKiB = Number(readFileSync(rssFile, 'utf8'));
        rmSync(rssFile, { force: true });
      }
      resolve({
        code,
        timedOut,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
        milliseconds: performance.now() - started,
        maxRssKiB,
      });
    });
  });
}
