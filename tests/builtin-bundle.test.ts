// The bundle of cadre's own rules made at build time: it gives exactly the rules the YAML files
// give, and is never used once a rule file differs from the ones it was made from.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readBuiltinBundle, writeBuiltinBundle } from '../src/rules/builtin-bundle.js';
import { builtinRulesDir, loadRuleFiles, loadRules, ruleFilesOf, type RuleProblem } from '../src/rules/load.js';

const scratch = mkdtempSync(join(tmpdir(), 'cadre-bundle-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the built-in rule bundle', () => {
  it('holds the rules the YAML files give, and is refused as soon as one file changes, is added or removed', async () => {
    const folder = join(scratch, 'rules');
    cpSync(builtinRulesDir(), folder, { recursive: true });
    const bundlePath = join(scratch, 'bundle.json');
    const files = await ruleFilesOf(folder);
    const problems: RuleProblem[] = [];
    const parsed = loadRuleFiles(folder, files, folder, undefined, problems);
    expect(problems).toEqual([]);
    writeBuiltinBundle(folder, files, parsed, bundlePath);
    expect(readBuiltinBundle(folder, files, bundlePath)).toEqual(parsed);

    writeFileSync(files[0], `# edited\n${readFileSync(files[0], 'utf8')}`);
    expect(readBuiltinBundle(folder, files, bundlePath)).toBeUndefined();
    expect(readBuiltinBundle(folder, files.slice(1), bundlePath)).toBeUndefined();
    expect(readBuiltinBundle(folder, files, join(scratch, 'missing.json'))).toBeUndefined();
  });

  it('is in dist/ for the CI bundles, made from the committed rule files', async () => {
    const files = await ruleFilesOf(builtinRulesDir());
    const committed = readBuiltinBundle(builtinRulesDir(), files, join(builtinRulesDir(), '..', 'dist', 'builtin-rules.json'));
    expect(committed, 'dist/builtin-rules.json is stale: run npm run build:action and commit dist/').toBeDefined();
    expect(committed!.length).toBe(files.length);
  });

  it('gives the scan the same rules as parsing the YAML files, with their sources', async () => {
    const viaBundle = await loadRules([builtinRulesDir()], { skipCompile: [builtinRulesDir()] });
    const parsed = await loadRules([builtinRulesDir()]);
    expect(viaBundle.problems).toEqual([]);
    expect(viaBundle.rules).toEqual(parsed.rules);
  });
});
