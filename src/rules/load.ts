// Loading rules: YAML files → schema-validated, compiled rules. Every problem is reported
// with its file, line and key; loading goes on after an error so that all are reported at once.
//
// Rule folders may come from the scanned repository (`rules:` in its .cadre.yml): a rule file is
// read only when it is a regular file (a FIFO would block) of at most MAX_RULE_FILE_BYTES whose
// real path stays inside the folder it was found in (a link may not lead out), and keys that
// could reach an object's prototype (__proto__, constructor, prototype) are refused anywhere.

import { realpathSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { ErrorObject } from 'ajv';
import { glob } from 'glob';
import type { Domain, Rule } from '../model/types.js';
import { LineIndex } from '../parse/line-index.js';
import { parseStructured, YamlSyntaxError, type StructuredDocument } from '../parse/yaml.js';
import { RuleIndex } from '../evaluate/compile.js';
import { createSchemaEngine, type SchemaEngine } from '../evaluate/schema-engine.js';
import { RuleCompileError } from '../evaluate/checks/check.js';
import { packageRoot } from '../package-root.js';
import { cadreValidator } from '../json-schema.js';
import { readSmallFile } from '../parse/read.js';
import { forbiddenKeyPath } from '../config/load.js';
import { readBuiltinBundle } from './builtin-bundle.js';

export interface RuleProblem {
  file: string;
  line?: number;
  key?: string;
  message: string;
}

export interface LoadedRules {
  rules: Rule[];
  problems: RuleProblem[];
}

/** Each domain's id prefixes: the id says what it is about before one reads the rule. */
export const ID_PREFIXES: Record<Domain, string[]> = {
  security: ['docker', 'k8s', 'ci', 'compose', 'web'],
  secrets: ['secret'],
  gdpr: ['gdpr'],
  accessibility: ['a11y'],
  ecodesign: ['eco'],
  sovereignty: ['sov'],
  hygiene: ['hyg'],
  platform: ['cpin'],
};

const MAX_RULE_FILE_BYTES = 512 * 1024;
const RULE_YAML_LIMITS = { maxDepth: 64, maxAliases: 50, maxExpandedNodes: 100_000 };

export function builtinRulesDir(): string {
  return join(packageRoot(), 'rules');
}

function validateRuleShape(value: unknown): ErrorObject[] {
  const validate = cadreValidator('rule');
  return validate(value) ? [] : (validate.errors ?? []);
}

/**
 * Loads every *.yaml / *.yml rule file under the given folders (or single files). Each rule is
 * validated against the schema and compiled, except that `skipCompile` folders (cadre's own
 * rules, compiled by the test suite) are only validated, to keep start-up short, and come from
 * the bundle made at build time while their files are unchanged (./builtin-bundle.ts).
 */
export async function loadRules(locations: string[], options: { base?: string; skipCompile?: string[] } = {}): Promise<LoadedRules> {
  const rules: Rule[] = [];
  const problems: RuleProblem[] = [];
  const firstSeen = new Map<string, string>();
  const base = options.base ?? process.cwd();
  const schemas = createSchemaEngine();

  for (const location of locations) {
    const ownRules = (options.skipCompile ?? []).includes(location);
    const files = await ruleFilesOf(location);
    const loaded = (ownRules && readBuiltinBundle(location, files)) || loadRuleFiles(location, files, base, ownRules ? undefined : schemas, problems);
    for (const { file, rule } of loaded) {
      const display = relative(base, file) || file;
      const previous = firstSeen.get(rule.id);
      if (previous) {
        problems.push({ file: display, key: 'id', message: `duplicate rule id "${rule.id}" (also in ${previous})` });
        continue;
      }
      firstSeen.set(rule.id, display);
      rules.push({ ...rule, source: display });
    }
  }
  return { rules, problems };
}

/** The rule files of a location: the file itself, or every YAML file below the folder, in order. */
export async function ruleFilesOf(location: string): Promise<string[]> {
  if (/\.ya?ml$/i.test(location)) return [location];
  return (await glob('**/*.{yaml,yml}', { cwd: location, absolute: true, nodir: true, follow: false })).sort();
}

/** Parses and validates rule files (and compiles their checks when a schema engine is given); problems are collected. */
export function loadRuleFiles(location: string, files: string[], base: string, schemas: SchemaEngine | undefined, problems: RuleProblem[]): { file: string; rule: Rule }[] {
  // A file named on its own is taken as given; files found in a folder must stay inside it.
  const folder = /\.ya?ml$/i.test(location) ? undefined : realPath(location);
  const loaded: { file: string; rule: Rule }[] = [];
  for (const file of files) {
    const display = relative(base, file) || file;
    if (folder !== undefined) {
      const real = realPath(file);
      if (real === undefined || !(real === folder || real.startsWith(folder + sep))) {
        problems.push({ file: display, message: 'rule file is a symbolic link leading out of its folder: not read' });
        continue;
      }
    }
    for (const rule of loadRuleFile(file, display, schemas, problems)) loaded.push({ file, rule });
  }
  return loaded;
}

function loadRuleFile(file: string, display: string, schemas: SchemaEngine | undefined, problems: RuleProblem[]): Rule[] {
  const read = readSmallFile(file, MAX_RULE_FILE_BYTES, { followLinks: true });
  if ('skip' in read) {
    const why = {
      symlink: 'cannot read rule file: symbolic link',
      'special-file': 'rule file is not a regular file',
      'too-large': `rule file larger than ${MAX_RULE_FILE_BYTES} bytes`,
      unreadable: `cannot read rule file: ${read.detail ?? 'error'}`,
    }[read.skip];
    problems.push({ file: display, message: why });
    return [];
  }
  const text = read.text;
  let documents: StructuredDocument[];
  try {
    documents = parseStructured(text, new LineIndex(text), { limits: RULE_YAML_LIMITS });
  } catch (error) {
    const e = error as YamlSyntaxError;
    problems.push({ file: display, line: e.line, message: `invalid YAML: ${e.message}` });
    return [];
  }
  const rules: Rule[] = [];
  for (const document of documents) {
    if (document.value === null || document.value === undefined) continue;
    const rule = checkRule(document, display, schemas, problems);
    if (rule) rules.push(rule);
  }
  return rules;
}

function checkRule(document: StructuredDocument, file: string, schemas: SchemaEngine | undefined, problems: RuleProblem[]): Rule | undefined {
  const errors = validateRuleShape(document.value);
  if (errors.length > 0) {
    for (const error of relevantErrors(errors)) problems.push(describeSchemaError(error, document, file));
    return undefined;
  }
  // Where the schema lets any key through (a JSON Schema under `assert`, parameter values).
  const forbidden = forbiddenKeyPath(document.value);
  if (forbidden) {
    const key = String(forbidden[forbidden.length - 1]);
    problems.push({ file, line: document.lineOf(forbidden), key: forbidden.join('.'), message: `key "${key}" is not allowed` });
    return undefined;
  }
  const rule = document.value as Rule;
  const prefix = rule.id.split('-')[0];
  if (!ID_PREFIXES[rule.domain].includes(prefix)) {
    problems.push({
      file,
      line: document.lineOf(['id']),
      key: 'id',
      message: `id "${rule.id}" must start with one of ${ID_PREFIXES[rule.domain].map((p) => `${p}-`).join(', ')} (domain ${rule.domain})`,
    });
    return undefined;
  }
  if (!schemas) return rule;
  try {
    new RuleIndex([rule], schemas).compileAll();
  } catch (error) {
    if (!(error instanceof RuleCompileError)) throw error;
    problems.push({ file, line: document.lineOf(error.path), key: error.path.join('.'), message: error.message });
    return undefined;
  }
  return rule;
}

/** `oneOf`/`anyOf` produce one error per branch; keep the errors that point deepest. */
function relevantErrors(errors: ErrorObject[]): ErrorObject[] {
  const seen = new Set<string>();
  return errors.filter((error) => {
    const id = `${error.instancePath}|${error.keyword}|${JSON.stringify(error.params)}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return !['if', 'anyOf', 'oneOf'].includes(error.keyword);
  });
}

function describeSchemaError(error: ErrorObject, document: StructuredDocument, file: string): RuleProblem {
  const path = error.instancePath === '' ? [] : error.instancePath.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  let key = path.join('.');
  let message = error.message ?? 'invalid';
  if (error.keyword === 'additionalProperties') {
    const extra = String(error.params.additionalProperty);
    key = [...path, extra].join('.');
    message = `unknown key "${extra}"`;
    return { file, line: document.lineOf([...path, extra]), key, message };
  }
  if (error.keyword === 'required') {
    const missing = String(error.params.missingProperty);
    message = `missing required key "${missing}"`;
    key = [...path, missing].join('.');
  }
  if (error.keyword === 'enum') message = `must be one of: ${(error.params.allowedValues as unknown[]).join(', ')}`;
  return { file, line: document.lineOf(path), key: key || '(root)', message };
}

export function formatRuleProblem(problem: RuleProblem): string {
  const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
  return `${where}: ${problem.key ? `${problem.key}: ` : ''}${problem.message}`;
}

function realPath(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}
