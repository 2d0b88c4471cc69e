// SARIF 2.1.0 as GitHub code scanning ingests it: valid against the official OASIS schema
// (vendored in schemas/vendor with its licence), plus the stricter subset GitHub reads.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { runCheck } from '../src/check.js';
import { renderSarif } from '../src/render/sarif.js';
import type { Report } from '../src/model/types.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const schema = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'schemas', 'vendor', 'sarif-2.1.0.json'), 'utf8'));
const validate = addFormats(new Ajv({ strict: false, allErrors: true })).compile(schema);

interface SarifResult {
  ruleId: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn?: number; endColumn?: number } } }[];
  partialFingerprints: Record<string, string>;
}

async function demoReport(lang: 'fr' | 'en'): Promise<Report> {
  return (await runCheck({ target: join(import.meta.dirname, '..', 'fixtures', 'demo'), lang, profile: 'strict' })).report;
}

describe('SARIF', () => {
  it('validates against the official SARIF 2.1.0 schema and names each finding\'s file and line', async () => {
    const report = await demoReport('fr');
    const sarif = JSON.parse(renderSarif(report, {}));
    const valid = validate(sarif);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    const results = sarif.runs[0].results as SarifResult[];
    expect(results).toHaveLength(report.findings.length);
    for (const [i, result] of results.entries()) {
      const finding = report.findings[i];
      const location = result.locations[0].physicalLocation;
      expect(location.artifactLocation.uri).toBe(finding.file ? encodeURI(finding.file) : '.');
      expect(location.region.startLine).toBe(finding.line ?? 1);
    }
  });

  it('keeps to what GitHub code scanning reads', async () => {
    const sarif = JSON.parse(renderSarif(await demoReport('en'), {}));
    expect(sarif.runs).toHaveLength(1);
    const run = sarif.runs[0];
    expect(run.automationDetails.id).toBe('cadre/');
    for (const rule of run.tool.driver.rules) {
      expect(rule.shortDescription.text.length).toBeGreaterThan(0);
      expect(rule.shortDescription.text.length).toBeLessThanOrEqual(1024);
      expect(rule.fullDescription.text.length).toBeLessThanOrEqual(1024);
      expect(rule.help.text.length).toBeGreaterThan(0);
      expect(rule.properties.tags.length).toBeLessThanOrEqual(20);
      if (rule.properties['security-severity'] !== undefined) expect(Number(rule.properties['security-severity'])).toBeGreaterThanOrEqual(0);
    }
    for (const result of run.results as SarifResult[]) {
      expect(result.message.text.length).toBeGreaterThan(0);
      expect(result.locations.length).toBeGreaterThanOrEqual(1);
      expect(result.locations.length).toBeLessThanOrEqual(10);
      const region = result.locations[0].physicalLocation.region;
      expect(region.startLine).toBeGreaterThanOrEqual(1);
      if (region.startColumn !== undefined) expect(region.startColumn).toBeGreaterThanOrEqual(1);
      expect(result.partialFingerprints.primaryLocationLineHash).toMatch(/^[0-9a-f]{32}$/);
    }
  });

  it('escapes hostile file names as URI references and stays valid', async () => {
    const report = await demoReport('en');
    const hostile: Report = {
      ...report,
      findings: report.findings.slice(0, 1).map((f) => ({ ...f, file: 'dir with space/"quote" <script>#?.yaml', message: '::error::x\u001b[31m' })),
    };
    const sarif = JSON.parse(renderSarif(hostile, {}));
    expect(validate(sarif)).toBe(true);
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('dir%20with%20space/%22quote%22%20%3Cscript%3E%23%3F.yaml');
  });
});
