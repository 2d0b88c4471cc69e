// The rule reference and the framework coverage are generated; the committed pages must match.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeRuleDocs } from '../src/docs/write.js';
import { frameworkCoverage, loadFrameworkCatalogues } from '../src/docs/frameworks.js';
import { builtinRulesDir, loadRules } from '../src/rules/load.js';

describe('generated documentation', () => {
  it('docs/rules is up to date with the rules and fixtures (run npm run docs)', async () => {
    expect(await writeRuleDocs(join(import.meta.dirname, '..', 'docs', 'rules'), true)).toEqual([]);
  });

  it('framework coverage names, for every criterion of a catalogue, its rules or that it stays manual', async () => {
    const { rules } = await loadRules([builtinRulesDir()]);
    const catalogues = loadFrameworkCatalogues();
    const coverage = frameworkCoverage(rules, catalogues, 'fr');
    for (const catalogue of catalogues) {
      const entry = coverage.find((c) => c.name === catalogue.name)!;
      expect(entry.automated.length + entry.manual.length).toBeGreaterThanOrEqual(catalogue.criteria.length);
    }
    const referenced = new Set(rules.flatMap((r) => r.references.map((ref) => ref.framework)));
    expect(coverage.map((c) => c.name).filter((name) => referenced.has(name)).sort()).toEqual([...referenced].sort());
  });
});
