// A bad rule stops loading with its file, line and key; every problem is reported at once.
import { describe, expect, it } from 'vitest';
import { loadRules, formatRuleProblem } from '../src/rules/load.js';
import { repo } from './helpers.js';

const valid = `id: hyg-sample
domain: hygiene
severity: low
title: {fr: Exemple, en: Sample}
message: {fr: Exemple, en: Sample}
remediation: {fr: Corriger, en: Fix}
references: [{framework: Test, criterion: "1"}]
target: {kind: text}
check:
  text: {match: "TODO"}
`;

async function problemsOf(files: Record<string, string>): Promise<string[]> {
  const dir = repo(files);
  const { problems } = await loadRules([dir], { base: dir });
  return problems.map(formatRuleProblem);
}

describe('rule loading', () => {
  it('loads a valid rule, with its source', async () => {
    const dir = repo({ 'hygiene/sample.yaml': valid });
    const { rules, problems } = await loadRules([dir], { base: dir });
    expect(problems).toEqual([]);
    expect(rules.map((r) => [r.id, r.source])).toEqual([['hyg-sample', 'hygiene/sample.yaml']]);
  });

  it('names file, line and key of schema errors, all at once', async () => {
    const bad = valid.replace('severity: low', 'severity: urgent').replace('check:\n  text: {match: "TODO"}', 'check:\n  text: {mach: "TODO"}');
    expect(await problemsOf({ 'bad.yaml': bad, 'other.yaml': valid.replace('hyg-sample', 'hyg-other').replace('{fr: Corriger, en: Fix}', '{fr: Corriger}') })).toEqual([
      'bad.yaml:3: severity: must be one of: critical, high, medium, low, info',
      'bad.yaml:10: check.text.match: missing required key "match"',
      'bad.yaml:10: check.text.mach: unknown key "mach"',
      'other.yaml:6: remediation.en: missing required key "en"',
    ]);
  });

  it('reports invalid expressions, selectors, schemas and check kinds at their key', async () => {
    const withCheck = (id: string, target: string, check: string) => valid.replace('hyg-sample', id).replace('target: {kind: text}', `target: ${target}`).replace('check:\n  text: {match: "TODO"}\n', `check:\n${check}\n`);
    const problems = await problemsOf({
      'a.yaml': withCheck('hyg-a', '{kind: text}', '  text: {match: "(unclosed"}'),
      'b.yaml': withCheck('hyg-b', '{kind: dockerfile}', '  schema: {select: nodes, assert: {}}'),
      'c.yaml': withCheck('hyg-c', '{kind: yaml}', '  schema: {assert: {type: strng}}'),
      'd.yaml': withCheck('hyg-d', '{kind: text}', '  shell: {run: "rm -rf /"}'),
      'e.yaml': withCheck('hyg-e', '{kind: repository}', '  html: {match: img}'),
      'f.yaml': withCheck('hyg-f', '{kind: text}', '  text: {match: "x", capture: value}'),
    });
    expect(problems).toHaveLength(6);
    expect(problems[0]).toMatch(/^a\.yaml:10: check\.text\.match: invalid regular expression/);
    expect(problems[1]).toMatch(/^b\.yaml:10: check\.schema\.select: unknown selector "nodes"/);
    expect(problems[2]).toMatch(/^c\.yaml:10: check\.schema\.assert: invalid JSON Schema/);
    expect(problems[3]).toBe('d.yaml:10: check.shell: unknown key "shell"');
    expect(problems[4]).toMatch(/^e\.yaml:10: check\.html: check "html" cannot run on repository documents/);
    expect(problems[5]).toMatch(/^f\.yaml:10: check\.text\.capture: capture group "value" does not exist/);
  });

  it('requires the id prefix of the domain and unique ids', async () => {
    expect(await problemsOf({ 'a.yaml': valid.replace('hyg-sample', 'docker-sample'), 'b.yaml': valid, 'c.yaml': valid })).toEqual([
      'a.yaml:1: id: id "docker-sample" must start with one of hyg- (domain hygiene)',
      'c.yaml: id: duplicate rule id "hyg-sample" (also in b.yaml)',
    ]);
  });

  it('refuses YAML bombs, syntax errors and prototype tricks without crashing', async () => {
    const bomb = `a: &a [x,x,x,x,x,x,x,x,x,x]\n${Array.from({ length: 8 }, (_, i) => `l${i}: &l${i} [${Array(10).fill(i === 0 ? '*a' : `*l${i - 1}`).join(',')}]`).join('\n')}\n`;
    const problems = await problemsOf({
      'bomb.yaml': bomb,
      'syntax.yaml': 'id: [unclosed\n',
      'proto.yaml': valid.replace('target: {kind: text}', 'target: {kind: text}\n__proto__: {waivable: false}'),
    });
    expect(problems[0]).toMatch(/^bomb\.yaml(:\d+)?: invalid YAML: /);
    expect(problems[1]).toMatch(/^proto\.yaml:9: __proto__: unknown key "__proto__"/);
    expect(problems[2]).toMatch(/^syntax\.yaml:\d+: invalid YAML/);
    expect(({} as { waivable?: boolean }).waivable).toBeUndefined();
  });

  it('checks that parameters referred to exist', async () => {
    const withParam = valid.replace('check:\n  text: {match: "TODO"}', 'check:\n  schema: {assert: {enum: {$param: nope}}}').replace('{kind: text}', '{kind: yaml}');
    expect(await problemsOf({ 'p.yaml': withParam })).toEqual(['p.yaml:10: check.schema.assert.enum: unknown parameter "nope"']);
  });
});
