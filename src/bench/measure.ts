// One measurement, in its own process so that its peak memory is its own:
//   walk DIR          the physical limit: list every file and read it once
//   cadre DIR [opts]  cadre with every built-in rule (opts: --workers N, --cache DIR, --rules-only k8s|secrets,
//                     --include GLOB: only these files, as a peer is given them)
// Prints one JSON line.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtinRulesDir, loadRules } from '../rules/load.js';
import { scan } from '../scan.js';

function walk(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  const visit = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.name === '.git' || entry.name === 'node_modules') continue;
      const path = join(folder, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.isFile()) {
        bytes += readFileSync(path).length;
        files++;
      }
    }
  };
  visit(dir);
  return { files, bytes };
}

async function main(): Promise<void> {
  const [mode, dir, ...rest] = process.argv.slice(2);
  const option = (name: string) => {
    const i = rest.indexOf(name);
    return i >= 0 ? rest[i + 1] : undefined;
  };
  const started = performance.now();
  if (mode === 'walk') {
    const { files, bytes } = walk(dir);
    output({ ms: performance.now() - started, files, bytes });
    return;
  }
  const { rules: all } = await loadRules([builtinRulesDir()], { skipCompile: [builtinRulesDir()] });
  const only = option('--rules-only');
  const rules = only === 'k8s' ? all.filter((r) => r.target.kind === 'kubernetes') : only === 'secrets' ? all.filter((r) => r.domain === 'secrets') : all;
  const workers = option('--workers');
  const { report, cacheHits, workers: used } = await scan({
    target: dir,
    rules,
    lang: 'fr',
    // As `cadre check` runs: only built-in rules, threads as it chooses unless told.
    trustedRules: true,
    ...(workers === undefined ? {} : { workers: Number(workers) }),
    cacheDir: option('--cache'),
    ...(option('--include') ? { include: [option('--include')!] } : {}),
  });
  output({ ms: performance.now() - started, files: report.summary.files, findings: report.findings.length, skipped: report.skipped.length, rules: rules.length, cacheHits, workers: used });
}

function output(result: Record<string, number>): void {
  process.stdout.write(`${JSON.stringify({ ...result, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
}

await main();
