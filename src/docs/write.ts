// Writes (or, with check, compares) the generated rule reference.

import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtinRulesDir, loadRules } from '../rules/load.js';
import { packageRoot } from '../package-root.js';
import { frameworkCoverage, loadFrameworkCatalogues } from './frameworks.js';
import { ruleDocs } from './rule-docs.js';

/** Returns the pages that differ from the generated ones (all of them are rewritten unless check). */
export async function writeRuleDocs(output: string, check: boolean): Promise<string[]> {
  const { rules, problems } = await loadRules([builtinRulesDir()]);
  if (problems.length > 0) throw new Error(`rules have problems: run cadre rules validate ${builtinRulesDir()}`);
  const pages = ruleDocs(rules, join(packageRoot(), 'fixtures', 'rules'), frameworkCoverage(rules, loadFrameworkCatalogues(), 'fr'));
  const existing = existsSync(output) ? readdirSync(output).filter((f) => f.endsWith('.md')) : [];
  const stale = [
    ...[...pages].filter(([name, text]) => !existsSync(join(output, name)) || readFileSync(join(output, name), 'utf8') !== text).map(([name]) => name),
    ...existing.filter((name) => !pages.has(name)),
  ].sort();
  if (check) return stale;
  mkdirSync(output, { recursive: true });
  for (const name of existing) if (!pages.has(name)) rmSync(join(output, name));
  for (const [name, text] of pages) writeFileSync(join(output, name), text);
  return stale;
}
