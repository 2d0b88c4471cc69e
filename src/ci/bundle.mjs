// Builds dist/: the GitHub Action (index.js), the GitLab adapter (gitlab.js), the cadre CLI
// (cli.js, for the GitLab verify job) and the scanning thread (worker.js), with their shared code
// split into chunks beside them (the worker pool looks for ./worker.js next to its own chunk).
// No node_modules are needed at run time; rules/, schemas/ and profiles/ are found from the
// package root (src/package-root.ts walks up to the package.json named cadre). The built-in rule
// bundle and the rules' JSON Schema validators made by `npm run build` (lib/builtin-rules.json,
// lib/builtin-validators.json) are copied beside them, so that CI jobs start without parsing the
// rule files or generating validators (the bundle is used only while the rule files are those it
// was made from; a validator only for the very schema it was made from).
//
// The build is deterministic (same sources, same bytes: no timestamps, no absolute paths, no
// source maps), so a test can rebuild into a temporary folder and compare with the committed dist/.
//
//   npm run build:action            builds lib/, then writes dist/
//   node src/ci/bundle.mjs OUTDIR   writes elsewhere

import { build } from 'esbuild';
import { copyFileSync, existsSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export const ENTRY_POINTS = {
  index: 'src/ci/github/action.ts',
  gitlab: 'src/ci/gitlab/main.ts',
  cli: 'src/cli/main.ts',
  worker: 'src/run/worker.ts',
};

/** Some dependencies are CommonJS and require Node's built-ins: give ESM output a require. */
const BANNER = "import { createRequire as __cadreCreateRequire } from 'node:module';\nconst require = __cadreCreateRequire(import.meta.url);";

/** @param {string} outdir absolute or relative to the package root */
export async function bundle(outdir = 'dist') {
  const out = resolve(ROOT, outdir);
  rmSync(out, { recursive: true, force: true });
  await build({
    absWorkingDir: ROOT,
    entryPoints: ENTRY_POINTS,
    outdir: out,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    chunkNames: 'chunk-[hash]',
    banner: { js: BANNER },
    legalComments: 'eof',
    sourcemap: false,
    minify: false,
    charset: 'utf8',
    logLevel: 'warning',
    logOverride: { 'empty-import-meta': 'silent' },
  });
  for (const made of ['builtin-rules.json', 'builtin-validators.json']) {
    const source = resolve(ROOT, 'lib', made);
    if (!existsSync(source)) throw new Error(`lib/${made} is missing: run npm run build first`);
    copyFileSync(source, resolve(out, made));
  }
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  bundle(process.argv[2] ?? 'dist').then(
    (out) => process.stdout.write(`bundled into ${out}\n`),
    (error) => {
      process.stderr.write(`${error?.stack ?? error}\n`);
      process.exitCode = 1;
    },
  );
}
