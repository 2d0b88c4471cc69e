// Shared by the tests: temporary repositories, rules written inline, and the check that
// every report a test produces is valid against schemas/report.schema.json.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, expect } from 'vitest';
import { load } from 'js-yaml';
import type { Report, Rule } from '../src/model/types.js';
import { cadreValidator } from '../src/json-schema.js';
import { scan } from '../src/scan.js';

const created: string[] = [];
afterAll(() => {
  for (const dir of created) rmSync(dir, { recursive: true, force: true });
});

/** A temporary folder holding the given files ({ 'a/b.txt': 'content' }). */
export function repo(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(join(tmpdir(), 'cadre-test-'));
  created.push(root);
  for (const [path, content] of Object.entries(files)) {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
  return root;
}

/** A rule from a YAML check, with the boilerplate filled in. */
export function rule(partial: { id?: string; kind: Rule['target']['kind']; check: string | object; files?: string[]; message?: string; parameters?: Rule['parameters'] }): Rule {
  return {
    id: partial.id ?? 'hyg-test-rule',
    domain: 'hygiene',
    severity: 'high',
    title: { fr: 'Test', en: 'Test' },
    message: { fr: partial.message ?? 'valeur {{value}} nom {{name}}', en: partial.message ?? 'value {{value}} name {{name}}' },
    remediation: { fr: 'Corriger', en: 'Fix' },
    references: [{ framework: 'Test', criterion: '1' }],
    target: { kind: partial.kind, ...(partial.files ? { files: partial.files } : {}) },
    check: (typeof partial.check === 'string' ? load(partial.check) : partial.check) as Rule['check'],
    ...(partial.parameters ? { parameters: partial.parameters } : {}),
  };
}

export function expectValidReport(report: Report): void {
  const validate = cadreValidator('report');
  const valid = validate(JSON.parse(JSON.stringify(report)));
  expect(validate.errors ?? []).toEqual([]);
  expect(valid).toBe(true);
}

/** Scans a folder with the given rules; the report is checked against its schema. */
export async function scanWith(target: string, rules: Rule[]): Promise<Report> {
  const { report } = await scan({ target, rules, lang: 'en' });
  expectValidReport(report);
  return report;
}

/** "file:line ruleId" for each finding, the shape most assertions want. */
export function where(report: Report): string[] {
  return report.findings.map((f) => `${f.file ?? '(repo)'}:${f.line ?? '-'} ${f.ruleId}`);
}
