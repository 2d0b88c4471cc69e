// 100,000 empty files: discovery, the pattern index, the threads and the repository rules must
// all stay within a bounded time and memory. The timeout is a safety net against a hang (or a
// quadratic walk), not a performance assertion: on two cores the scan takes about 30 s.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../src/model/types.js';
import { runCli, type CliRun } from './hostile/cli.js';
import { generateEmptyFiles } from './hostile/generate.js';

const FILES = 100_000;
const SAFETY_TIMEOUT_MS = 120_000;

let tree: ReturnType<typeof generateEmptyFiles>;
let run: CliRun;

beforeAll(async () => {
  tree = generateEmptyFiles(FILES);
  run = await runCli(['check', 'target', '--format', 'json', '--lang', 'en'], { cwd: tree.root, timeoutMs: SAFETY_TIMEOUT_MS });
}, SAFETY_TIMEOUT_MS + 60_000);

afterAll(() => tree?.cleanup());

describe('a repository of 100,000 empty files', () => {
  it('is scanned to the end, every file counted, in bounded time and memory', () => {
    expect(run.timedOut, `killed after ${SAFETY_TIMEOUT_MS} ms: a hang`).toBe(false);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.summary.files).toBe(FILES);
    expect(report.skipped).toEqual([]);
    expect(report.errors).toEqual([]);
    // Only repository-level hygiene findings: an empty file has nothing to say.
    expect(report.findings.every((finding) => finding.file === undefined || finding.domain === 'hygiene')).toBe(true);
    expect(run.maxRssKiB!).toBeLessThan(1.5 * 1024 * 1024);
  });
});
