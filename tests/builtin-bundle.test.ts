// What the build makes of cadre's own rules. The rule bundle gives exactly the rules the YAML
// files give, and is never used once a rule file differs from the ones it was made from; the
// generated JSON Schema validators validate as ajv does, each only for its own schema.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readBuiltinBundle, writeBuiltinBundle } from '../src/rules/builtin-bundle.js';
import { builtinRulesDir, loadRuleFiles, loadRules, ruleFilesOf, type RuleProblem } from '../src/rules/load.js';
import { applyProfile, builtinProfiles } from '../src/rules/profiles.js';
import { RuleIndex } from '../src/evaluate/compile.js';
import { recordingSchemaEngine, writePrecompiled } from '../src/evaluate/precompile-schemas.js';
import { builtValidatorsPath, createSchemaEngine, SCHEMA_ENGINE_OPTIONS } from '../src/evaluate/schema-engine.js';
import { Ajv } from 'ajv';

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

describe('the JSON Schema validators generated at build time', () => {
  const schemas: Record<string, unknown>[] = [
    { type: 'object', required: ['user'], properties: { user: { type: 'string', not: { enum: ['root', '0'] } } } },
    { type: 'object', properties: { name: { type: 'string', maxLength: 3, pattern: '^a' }, same: { const: { a: [1] } }, url: { type: 'string', format: 'uri' } } },
    { type: 'array', items: { anyOf: [{ type: 'integer', minimum: 2 }, { type: 'string', minLength: 2 }] } },
  ];
  const values: unknown[] = [{}, { user: 'root' }, { user: 'app' }, { name: 'abc' }, { name: 'abcd' }, { name: 'b' }, { name: '🙂🙂' }, { same: { a: [1] } }, { same: { a: [2] } }, [1, 'x'], [3, 'xy'], 'text', null, 7];
  const validatorsFile = join(scratch, 'validators.json');

  it('validate as ajv does, with the same errors, and are used only for the very schema they were made from', () => {
    const recorder = recordingSchemaEngine();
    for (const schema of schemas) recorder.compile(schema);
    writePrecompiled([...recorder.schemas.values()], validatorsFile);
    const generated = createSchemaEngine(validatorsFile);
    const plain = new Ajv(SCHEMA_ENGINE_OPTIONS);
    for (const schema of schemas) {
      const precompiled = generated.compile(schema);
      // ajv's own compilations carry their schema; generated validators do not.
      expect(plain.compile(schema).schema).toEqual(schema);
      expect(precompiled.schema, 'a generated validator, not an ajv compilation').toBeUndefined();
      for (const value of values) {
        const reference = plain.compile(schema);
        expect(precompiled(value)).toBe(reference(value));
        expect(precompiled.errors ?? null).toEqual(reference.errors ?? null);
      }
    }
    // A schema the build did not see (a parameter changed by the project) is compiled as usual.
    const changed = { ...schemas[0], required: ['user', 'shell'] };
    expect(generated.compile(changed)({ user: 'app' })).toBe(false);
  });

  it('are ignored when made under other engine options, or missing', () => {
    const file = JSON.parse(readFileSync(validatorsFile, 'utf8'));
    writeFileSync(validatorsFile, JSON.stringify({ ...file, engine: '{"allErrors":true}', code: 'throw new Error("must not run")' }));
    expect(createSchemaEngine(validatorsFile).compile(schemas[0])({ user: 'root' })).toBe(false);
    expect(createSchemaEngine(join(scratch, 'missing.json')).compile(schemas[0])({ user: 'app' })).toBe(true);
  });

  it('cover every schema of the built-in rules under every built-in profile, and are in dist/ for the CI bundles', async () => {
    const { rules } = await loadRules([builtinRulesDir()], { skipCompile: [builtinRulesDir()] });
    const recorder = recordingSchemaEngine();
    for (const profile of builtinProfiles().keys()) new RuleIndex(applyProfile(rules, profile).rules, recorder).compileAll();
    const built = JSON.parse(readFileSync(builtValidatorsPath(), 'utf8')) as { schemas: string[] };
    expect(new Set(built.schemas)).toEqual(new Set(recorder.schemas.keys()));
    const committed = readFileSync(join(builtinRulesDir(), '..', 'dist', 'builtin-validators.json'), 'utf8');
    expect(committed === readFileSync(builtValidatorsPath(), 'utf8'), 'dist/builtin-validators.json is stale: run npm run build:action and commit dist/').toBe(true);
  });
});
