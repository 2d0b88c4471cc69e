// gitlab-ci-template.yml against GitLab's CI JSON schema, action.yml against the GitHub Action
// metadata schema (both vendored in schemas/vendor/), the example pipeline too; and
// a broken copy of each must be refused, so that a schema that accepts anything would be caught.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { ROOT } from './ci-fixtures/repos.js';

function validator(name: string): ValidateFunction {
  const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'vendor', name), 'utf8'));
  delete schema.$schema; // draft-07 in both; Ajv's default dialect
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
  (addFormatsModule as unknown as (a: Ajv) => Ajv)(ajv);
  return ajv.compile(schema);
}

function yaml(path: string): unknown {
  return load(readFileSync(join(ROOT, path), 'utf8'));
}

function errors(validate: ValidateFunction, data: unknown): string[] {
  validate(data);
  return (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

describe('action.yml, whatever the schema', () => {
  it('follows the metadata rules GitHub documents', () => {
    const action = yaml('action.yml') as Record<string, any>;
    expect(typeof action.name).toBe('string');
    expect(typeof action.description).toBe('string');
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
    for (const [id, spec] of Object.entries<Record<string, unknown>>(action.inputs)) {
      expect(id).toMatch(/^[_a-zA-Z][a-zA-Z0-9_-]*$/);
      expect(typeof spec.description).toBe('string');
      if ('default' in spec) expect(typeof spec.default).toBe('string');
    }
    for (const [id, spec] of Object.entries<Record<string, unknown>>(action.outputs)) {
      expect(id).toMatch(/^[_a-zA-Z][a-zA-Z0-9_-]*$/);
      expect(typeof spec.description).toBe('string');
    }
    expect(['white', 'black', 'yellow', 'blue', 'green', 'orange', 'red', 'purple', 'gray-dark']).toContain(action.branding.color);
  });
});

describe('CI files against their vendored schemas', () => {
  it('gitlab-ci-template.yml and the example pipeline are valid GitLab CI', () => {
    const validate = validator('gitlab-ci.json');
    const template = yaml('gitlab-ci-template.yml') as Record<string, any>;
    expect(errors(validate, template)).toEqual([]);
    expect(errors(validate, yaml('examples/gitlab/.gitlab-ci.yml'))).toEqual([]);
    expect(Object.keys(template)).toEqual(expect.arrayContaining(['.cadre:check', '.cadre:verify', 'cadre', 'cadre-verify']));
    expect(template['.cadre:check'].artifacts).toMatchObject({ when: 'always', reports: { codequality: '$CADRE_REPORT_CODEQUALITY', junit: '$CADRE_REPORT_JUNIT' } });
    expect(template['.cadre:check'].variables.GIT_DEPTH).toBe('0');

    const broken = structuredClone(template);
    broken.cadre.artifacts = { when: 'sometimes' };
    broken['cadre-verify'].needs = 'cadre';
    expect(errors(validate, broken).length).toBeGreaterThan(0);
  });

  it('action.yml is a valid action', () => {
    const validate = validator('github-action.json');
    const action = yaml('action.yml') as Record<string, any>;
    expect(errors(validate, action)).toEqual([]);
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
    expect(Object.keys(action.inputs)).toEqual(
      expect.arrayContaining(['path', 'rules', 'config', 'profile', 'fail-on', 'lang', 'sarif-file', 'report-file', 'comment', 'token', 'only-changed', 'mode']),
    );
    expect(action.inputs.token.default).toBe('${{ github.token }}');

    const broken = structuredClone(action);
    broken.runs = { using: 'node24' };
    broken.branding = { icon: 'shield', color: 'plaid' };
    expect(errors(validate, broken).length).toBeGreaterThan(0);
  });
});
