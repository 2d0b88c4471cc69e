// npm run bench:peers [-- --corpora small,medium] : peers doing part of cadre's work, on the
// same corpus, each against cadre restricted to the same part.
//   Kubernetes: Spectral with an equivalent container/pod rule set (bench/peers/spectral-k8s.yaml)
//               vs cadre's Kubernetes rules, both given the same manifests;
//   secrets:    secretlint's recommended preset vs cadre's secret rules.
// Peers run as installed dev dependencies; each measurement is a fresh process.

import { spawnSync, execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { packageRoot } from '../package-root.js';
import { CORPORA, generateCorpus } from './corpus.js';

const root = packageRoot();
const measureScript = fileURLToPath(new URL('./measure.js', import.meta.url));

function timed(command: string, args: string[], cwd: string): { seconds: number; status: number | null } {
  const started = performance.now();
  const result = spawnSync(command, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 30, timeout: 900_000 });
  return { seconds: (performance.now() - started) / 1000, status: result.status };
}

const MANIFESTS = '**/deploy/*.yaml';

function cadre(dir: string, only: 'k8s' | 'secrets', include?: string): number {
  const started = performance.now();
  execFileSync(process.execPath, [measureScript, 'cadre', dir, '--rules-only', only, ...(include ? ['--include', include] : [])], { stdio: ['ignore', 'ignore', 'inherit'] });
  return (performance.now() - started) / 1000;
}

function main(): void {
  const { values } = parseArgs({ options: { corpora: { type: 'string' }, dir: { type: 'string' } } });
  const wanted = (values.corpora ?? 'small,medium').split(',');
  const targets = values.dir
    ? [{ name: values.dir, dir: values.dir }]
    : CORPORA.filter((c) => wanted.includes(c.name)).map((spec) => ({ name: spec.name, dir: generateCorpus(spec, join(root, 'bench', 'corpora')) }));
  const bin = (name: string) => join(root, 'node_modules', '.bin', name);
  const lines = ['| corpus | work | peer | peer s | cadre s | peer ÷ cadre |', '|---|---|---|---|---|---|'];
  for (const target of targets) {
    const spectral = timed(bin('spectral'), ['lint', '--ruleset', join(root, 'bench/peers/spectral-k8s.yaml'), '--quiet', '--fail-severity', 'error', MANIFESTS], target.dir);
    const cadreK8s = cadre(target.dir, 'k8s', MANIFESTS);
    lines.push(`| ${target.name} | Kubernetes | Spectral 6 | ${spectral.seconds.toFixed(2)} | ${cadreK8s.toFixed(2)} | ${(spectral.seconds / cadreK8s).toFixed(1)} |`);
    const secretlint = timed(bin('secretlint'), ['--secretlintrc', join(root, 'bench/peers/secretlintrc.json'), '--format', 'stylish', '**/*'], target.dir);
    const cadreSecrets = cadre(target.dir, 'secrets');
    lines.push(`| ${target.name} | secrets | secretlint 13 | ${secretlint.seconds.toFixed(2)} | ${cadreSecrets.toFixed(2)} | ${(secretlint.seconds / cadreSecrets).toFixed(1)} |`);
  }
  process.stdout.write(`${lines.join('\n')}\n(cadre times include its process start, as the peers' do)\n`);
}

main();
