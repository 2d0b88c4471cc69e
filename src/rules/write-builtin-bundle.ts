// Run by `npm run build`: parses and validates cadre's own rules once and writes
// lib/builtin-rules.json (see ./builtin-bundle.ts), then compiles them under every built-in
// profile and writes the JSON Schema validators they use to lib/builtin-validators.json (see
// ../evaluate/schema-engine.ts). Refuses to write a bundle of invalid rules.

import { builtinRulesDir, formatRuleProblem, loadRuleFiles, ruleFilesOf, type RuleProblem } from './load.js';
import { builtBundlePath, writeBuiltinBundle } from './builtin-bundle.js';
import { builtinProfiles, applyProfile } from './profiles.js';
import { RuleIndex } from '../evaluate/compile.js';
import { recordingSchemaEngine, writePrecompiled } from '../evaluate/precompile-schemas.js';
import { builtValidatorsPath } from '../evaluate/schema-engine.js';

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
  const recorder = recordingSchemaEngine();
  const rules = loaded.map(({ rule }) => rule);
  for (const profile of builtinProfiles().keys()) new RuleIndex(applyProfile(rules, profile).rules, recorder).compileAll();
  writePrecompiled([...recorder.schemas.values()]);
  process.stdout.write(`${recorder.schemas.size} JSON Schema validators generated in ${builtValidatorsPath()}\n`);
}
