// npm run bench [-- --dir PATH] [--corpora small,medium,monorepo] [--runs N]
// For each corpus, in one run: the baseline walk that reads every file (the physical limit),
// cadre with every built-in rule, and a cached rescan; a table on stdout and the same
// figures in bench/results.json. Each measurement runs in a fresh process (its own peak RSS).

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { packageRoot } from '../package-root.js';
import { CORPORA, generateCorpus } from './corpus.js';

interface Measure {
  ms: number;
  files: number;
  bytes?: number;
  findings?: number;
  cacheHits?: number;
  workers?: number;
  maxRssMb: number;
}

const measureScript = fileURLToPath(new URL('./measure.js', import.meta.url));

function measure(args: string[]): Measure {
  return JSON.parse(execFileSync(process.execPath, [measureScript, ...args], { encoding: 'utf8', maxBuffer: 1 << 20 }).trim().split('\n').pop()!);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function bestOf(runs: number, args: string[]): Measure {
  const results = Array.from({ length: runs }, () => measure(args));
  const ms = median(results.map((r) => r.ms));
  return { ...results.find((r) => r.ms === ms)!, maxRssMb: Math.max(...results.map((r) => r.maxRssMb)) };
}

function main(): void {
  const { values } = parseArgs({ options: { dir: { type: 'string' }, corpora: { type: 'string' }, runs: { type: 'string' } }, allowPositionals: false });
  const runs = Number(values.runs ?? 1);
  const root = packageRoot();
  const corporaRoot = join(root, 'bench', 'corpora');
  const targets: { name: string; dir: string }[] = [];
  if (values.dir) targets.push({ name: values.dir, dir: values.dir });
  else {
    const wanted = (values.corpora ?? CORPORA.map((c) => c.name).join(',')).split(',');
    for (const spec of CORPORA.filter((c) => wanted.includes(c.name))) {
      const started = performance.now();
      const dir = generateCorpus(spec, corporaRoot);
      process.stderr.write(`corpus ${spec.name}: ready in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
      targets.push({ name: spec.name, dir });
    }
  }

  const results = [];
  for (const target of targets) {
    // Warm the page cache once, so that neither side pays the disk.
    measure(['walk', target.dir]);
    const walk = bestOf(runs, ['walk', target.dir]);
    const cadre = bestOf(runs, ['cadre', target.dir]);
    const cacheDir = join(root, 'bench', '.cache', target.name.replace(/[^\w.-]/g, '_'));
    rmSync(cacheDir, { recursive: true, force: true });
    measure(['cadre', target.dir, '--cache', cacheDir]);
    const cached = bestOf(runs, ['cadre', target.dir, '--cache', cacheDir]);
    const mb = (walk.bytes ?? 0) / 1e6;
    results.push({
      corpus: target.name,
      files: walk.files,
      mb: round(mb),
      walkSeconds: round(walk.ms / 1000),
      cadreSeconds: round(cadre.ms / 1000),
      filesPerSecond: Math.round(walk.files / (cadre.ms / 1000)),
      mbPerSecond: round(mb / (cadre.ms / 1000)),
      peakRssMb: Math.round(cadre.maxRssMb),
      ratio: round(cadre.ms / walk.ms),
      cachedSeconds: round(cached.ms / 1000),
      cachedRatio: round(cached.ms / cadre.ms),
      cacheHits: cached.cacheHits,
      workers: cadre.workers,
      findings: cadre.findings,
    });
  }

  const header = ['corpus', 'files', 'MB', 'walk s', 'cadre s', 'files/s', 'MB/s', 'peak RSS MB', 'cadre ÷ walk', 'cached s', 'cached ÷ cadre'];
  const rows = results.map((r) => [r.corpus, r.files, r.mb, r.walkSeconds, r.cadreSeconds, r.filesPerSecond, r.mbPerSecond, r.peakRssMb, r.ratio, r.cachedSeconds, r.cachedRatio].map(String));
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  const table = [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)];
  const growth = [];
  for (let i = 1; i < results.length; i++) {
    const a = results[i - 1];
    const b = results[i];
    growth.push(`${a.corpus} → ${b.corpus}: ${round(b.files / a.files)}× files, ${round(b.cadreSeconds / a.cadreSeconds)}× time`);
  }
  const machine = `${cpus()[0]?.model ?? 'cpu'} × ${availableParallelism()}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const startupSeconds = round(startup(corporaRoot) / 1000);
  const startupLine = `start-up: cadre check on ${STARTUP_CORPUS.files} files, Node's start included: ${startupSeconds} s`;
  process.stdout.write(`${table.join('\n')}\n${growth.join('\n')}${growth.length ? '\n' : ''}${startupLine}\n${machine}\n`);
  mkdirSync(join(root, 'bench'), { recursive: true });
  writeFileSync(join(root, 'bench', 'results.json'), `${JSON.stringify({ date: new Date().toISOString(), machine, results, startupSeconds }, null, 2)}\n`);
}

const round = (n: number) => Math.round(n * 100) / 100;

const STARTUP_CORPUS = { name: 'startup', files: 10, seed: 4 };

/** Wall time of the CLI on a 10-file repository, as a user runs it (median of 5 runs). */
function startup(corporaRoot: string): number {
  const dir = generateCorpus(STARTUP_CORPUS, corporaRoot);
  const cli = fileURLToPath(new URL('../cli/main.js', import.meta.url));
  const times = Array.from({ length: 5 }, () => {
    const started = performance.now();
    spawnSync(process.execPath, [cli, 'check', dir, '--format', 'json'], { stdio: 'ignore' });
    return performance.now() - started;
  });
  return median(times);
}

main();
