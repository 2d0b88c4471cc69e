// The CLI paths of scale: --cache, --workers, --shard and merge, --timings, --progress. The
// reports they give must be the report of a plain scan; what they add goes to stderr only.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import type { Report } from '../src/model/types.js';
import { expectValidReport, repo } from './helpers.js';

async function run(args: string[], cwd: string, io: { stderrIsTTY?: boolean } = {}) {
  let stdout = '';
  let stderr = '';
  const progress: string[] = [];
  const code = await main(args, {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    isTTY: false,
    cwd,
    stderrIsTTY: io.stderrIsTTY,
    progress: (t) => void progress.push(t),
  });
  return { code, stdout, stderr, progress };
}

/** A small repository with findings of file rules and of repository rules. */
function project(): string {
  const files: Record<string, string> = {};
  for (let i = 0; i < 12; i++) {
    files[`svc${i % 3}/Dockerfile.${i}`] = `FROM node:latest\nRUN echo ${i}\n`;
    files[`svc${i % 3}/deploy-${i}.yaml`] = `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d${i}}\nspec:\n  template:\n    spec:\n      containers:\n        - name: c\n          image: app:${i}\n          securityContext: {privileged: true}\n`;
  }
  return repo(files);
}

/** The report without what differs from run to run. */
function comparable(text: string): Omit<Report, 'startedAt' | 'durationMs'> {
  const { startedAt: _s, durationMs: _d, ...rest } = JSON.parse(text) as Report;
  return rest;
}

const JSON_EN = ['--format', 'json', '--lang', 'en'];

describe('cadre check at scale, from the command line', () => {
  it('--cache: the second scan comes from .cadre-cache and gives the same report, byte for byte', async () => {
    const dir = project();
    const plain = await run(['check', '.', ...JSON_EN], dir);
    const cold = await run(['check', '.', ...JSON_EN, '--cache'], dir);
    expect(existsSync(join(dir, '.cadre-cache'))).toBe(true);
    const warm = await run(['check', '.', ...JSON_EN, '--cache'], dir);
    expect([plain.code, cold.code, warm.code]).toEqual([1, 1, 1]);
    expect(JSON.stringify(comparable(warm.stdout))).toBe(JSON.stringify(comparable(plain.stdout)));
    expect(JSON.stringify(comparable(cold.stdout))).toBe(JSON.stringify(comparable(plain.stdout)));
    // The cache folder is never scanned.
    expect(warm.stdout).not.toContain('.cadre-cache');
    const elsewhere = await run(['check', '.', ...JSON_EN, '--cache-location', join(dir, '..', `${'cache'}-${Date.now()}`)], dir);
    expect(JSON.stringify(comparable(elsewhere.stdout))).toBe(JSON.stringify(comparable(plain.stdout)));
  });

  it('--workers: the same report with the main thread only and with threads; a bad value is a usage error', async () => {
    const dir = project();
    const single = await run(['check', '.', ...JSON_EN, '--workers', '0'], dir);
    const threaded = await run(['check', '.', ...JSON_EN, '--workers', '2'], dir);
    expect(JSON.stringify(comparable(threaded.stdout))).toBe(JSON.stringify(comparable(single.stdout)));
    const bad = await run(['check', '.', '--workers', 'many'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--workers/);
  });

  it('--shard k/n then merge: the merged report is the unsharded one; merge refuses an incomplete set', async () => {
    const dir = project();
    // Each shard runs on its own runner: the reports are written outside the scanned folder.
    const out = repo({});
    const whole = await run(['check', '.', ...JSON_EN], dir);
    for (const k of [1, 2, 3]) {
      const shard = await run(['check', '.', ...JSON_EN, '--shard', `${k}/3`, '--fail-on', 'none', '--output', join(out, `shard-${k}.json`)], dir);
      expect(shard.code).toBe(0);
    }
    const shards = [1, 2, 3].map((k) => JSON.parse(readFileSync(join(out, `shard-${k}.json`), 'utf8')) as Report);
    expect(shards.map((s) => s.shard)).toEqual([1, 2, 3].map((index) => ({ index, total: 3 })));
    expect(shards.every((s) => s.findings.length > 0)).toBe(true);
    const merged = await run(['merge', 'shard-3.json', 'shard-1.json', 'shard-2.json', '--output', 'merged.json'], out);
    expect(merged.code).toBe(0);
    const report = readFileSync(join(out, 'merged.json'), 'utf8');
    expectValidReport(JSON.parse(report));
    expect(JSON.stringify(comparable(report))).toBe(JSON.stringify(comparable(whole.stdout)));
    const incomplete = await run(['merge', 'shard-1.json', 'shard-2.json'], out);
    expect(incomplete.code).toBe(2);
    expect(incomplete.stderr).toMatch(/cannot merge: .*shards 1, 2 given, 1, 2, 3 expected/);
    const badShard = await run(['check', '.', '--shard', '4/3'], dir);
    expect(badShard.code).toBe(2);
    expect(badShard.stderr).toMatch(/shard/);
  });

  it('--timings: time per phase and the slowest rules on stderr, the report on stdout untouched', async () => {
    const dir = project();
    const timed = await run(['check', '.', ...JSON_EN, '--timings'], dir);
    expect(() => JSON.parse(timed.stdout)).not.toThrow();
    for (const phase of ['discover', 'files', 'repository', 'report', 'read', 'parse', 'evaluate']) expect(timed.stderr).toMatch(new RegExp(`\\n  ${phase} +\\d+\\.\\d`));
    expect(timed.stderr).toMatch(/parse:structured +\d/);
    const slowest = timed.stderr.split(/Slowest rules\n/)[1].trimEnd().split('\n');
    expect(slowest.length).toBeGreaterThan(0);
    expect(slowest.length).toBeLessThanOrEqual(10);
    for (const line of slowest) expect(line).toMatch(/^ {2}[a-z0-9-]+ +\d+\.\d ms {2}\d+ files$/);
  });

  it('--progress: files done and files/s through the progress line, never on stdout; none by default off a terminal', async () => {
    const dir = project();
    const forced = await run(['check', '.', ...JSON_EN, '--progress'], dir);
    expect(forced.progress.length).toBeGreaterThan(0);
    expect(forced.progress.at(-1)).toMatch(/^24\/24 · \d+\/s\n$/);
    expect(() => JSON.parse(forced.stdout)).not.toThrow();
    const quiet = await run(['check', '.', ...JSON_EN], dir);
    expect(quiet.progress).toEqual([]);
    const off = await run(['check', '.', ...JSON_EN, '--no-progress'], dir, { stderrIsTTY: true });
    expect(off.progress).toEqual([]);
  });
});
