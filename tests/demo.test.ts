// The demo repository is the quick start's first impression: every finding on it is planted
// on purpose and listed in fixtures/demo-expected.yaml, so a new false alarm fails here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../src/check.js';
import { expectValidReport } from './helpers.js';

const root = join(import.meta.dirname, '..', 'fixtures');
const expected = load(readFileSync(join(root, 'demo-expected.yaml'), 'utf8')) as Record<string, string[]>;

describe('the demo repository', () => {
  for (const profile of Object.keys(expected)) {
    it(`gives exactly the planted findings with the ${profile} profile`, async () => {
      const { report, gate } = await runCheck({ target: join(root, 'demo'), profile, lang: 'en' });
      expectValidReport(report);
      expect(report.errors).toEqual([]);
      const found = report.findings.map((f) => `${f.ruleId} ${f.file ?? '(repository)'}${f.line ? `:${f.line}` : ''}`).sort();
      expect(found).toEqual([...expected[profile]].sort());
      expect(gate.passed).toBe(false);
    });
  }
});
