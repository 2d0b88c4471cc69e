// cadre's own rules, parsed and validated once when cadre is built (`npm run build` writes
// lib/builtin-rules.json, which `npm run build:action` copies into dist/): parsing 160 YAML files
// and validating them against the rule schema costs about half a second of every start, on a cold
// engine, while a JSON file loads in a few milliseconds. The bundle carries a digest of the rule files it was made from; it is used only
// while the files on disk are exactly those, so it can never serve stale rules.

import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Rule } from '../model/types.js';
import { packageRoot } from '../package-root.js';

interface Bundle {
  digest: string;
  /** Each rule with its file, relative to the rules folder. */
  rules: { file: string; rule: Rule }[];
}

/** Where `npm run build` writes the bundle. */
export function builtBundlePath(): string {
  return join(packageRoot(), 'lib', 'builtin-rules.json');
}

/** The bundle a scan reads: lib/'s once built, else dist/'s in the CI bundles (only dist/ is committed). */
export function builtinBundlePath(): string {
  const built = builtBundlePath();
  return existsSync(built) ? built : join(packageRoot(), 'dist', 'builtin-rules.json');
}

/** Digest of rule files: their paths relative to the folder and their bytes. */
function digestOf(folder: string, files: string[]): string {
  const hash = createHash('sha256');
  for (const file of files) hash.update(`${relative(folder, file)}\u0000`).update(readFileSync(file)).update('\u0000');
  return hash.digest('hex');
}

/** The bundled rules of `folder` (absolute file, rule), or undefined when there is no bundle or it was made from other files. */
export function readBuiltinBundle(folder: string, files: string[], bundlePath = builtinBundlePath()): { file: string; rule: Rule }[] | undefined {
  let bundle: Bundle;
  try {
    bundle = JSON.parse(readFileSync(bundlePath, 'utf8')) as Bundle;
  } catch {
    return undefined;
  }
  if (bundle.digest !== digestOf(folder, files)) return undefined;
  return bundle.rules.map(({ file, rule }) => ({ file: join(folder, file), rule }));
}

/** Writes the bundle of rules loaded (and validated) from `folder`'s `files`. */
export function writeBuiltinBundle(folder: string, files: string[], rules: { file: string; rule: Rule }[], bundlePath = builtBundlePath()): void {
  const bundle: Bundle = { digest: digestOf(folder, files), rules: rules.map(({ file, rule }) => ({ file: relative(folder, file), rule })) };
  writeFileSync(bundlePath, JSON.stringify(bundle));
}
