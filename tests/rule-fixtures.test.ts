// The rule catalogue's specification: every rule, run on its own fixtures, reports exactly
// the lines marked `ruleid:` and none marked `ok:`; every rule has both kinds of case.

import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinRulesDir, loadRules } from '../src/rules/load.js';
import { outcomeFailures, testRules } from '../src/rules/fixture-test.js';

const fixturesRoot = join(import.meta.dirname, '..', 'fixtures', 'rules');
const { rules, problems } = await loadRules([builtinRulesDir()]);

describe('built-in rules', () => {
  it('load without problems', () => {
    expect(problems).toEqual([]);
    expect(rules.length).toBeGreaterThan(0);
  });

  it('every fixture folder belongs to a rule', () => {
    const ids = new Set(rules.map((rule) => rule.id));
    const orphans = existsSync(fixturesRoot) ? readdirSync(fixturesRoot).filter((name) => !ids.has(name)) : [];
    expect(orphans).toEqual([]);
  });
});

describe.each(rules.map((rule) => [rule.id, rule] as const))('rule %s', (_id, rule) => {
  it('reports exactly the lines its fixtures expect', async () => {
    const [outcome] = await testRules([rule], fixturesRoot);
    expect(outcomeFailures(outcome)).toEqual([]);
  });
});
