// Run by `npm run build`: parses and validates cadre's own rules once and writes
// lib/builtin-rules.json (see ./builtin-bundle.ts). Refuses to write a bundle of invalid rules.

import { builtinRulesDir, formatRuleProblem, loadRuleFiles, ruleFilesOf, type RuleProblem } from './load.js';
import { builtBundlePath, writeBuiltinBundle } from './builtin-bundle.js';

const folder = builtinRulesDir();
const files = await ruleFilesOf(folder);
const problems: RuleProblem[] = [];
const loaded = loadRuleFiles(folder, files, folder, undefined, problems);
if (problems.length > 0) {
  process.stderr.write(`cadre: built-in rules are invalid, no bundle written\n${problems.map(formatRuleProblem).join('\n')}\n`);
  process.exitCode = 1;
} else {
  writeBuiltinBundle(folder, files, loaded);
  process.stdout.write(`${loaded.length} built-in rules bundled in ${builtBundlePath()}\n`);
}
