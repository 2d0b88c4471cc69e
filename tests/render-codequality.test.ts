// GitLab Code Quality: a JSON array without byte-order mark whose every issue has the fields GitLab
// reads (docs: doc/ci/testing/code_quality.md, summarised in formats.md 3.1), unique fingerprints
// and a severity of the enum.
import { Ajv } from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../src/model/types.js';
import { CODE_QUALITY_SEVERITY, REPOSITORY_PATH, renderCodeQuality, type CodeQualityIssue } from '../src/render/codequality.js';
import { loadRenderer } from '../src/render/renderer.js';
import { demoReport, hostileReport, sampleReport } from './render-samples.js';

const CODE_QUALITY_SCHEMA = {
  type: 'array',
  items: {
    type: 'object',
    required: ['description', 'check_name', 'fingerprint', 'severity', 'location'],
    properties: {
      type: { const: 'issue' },
      engine_name: { const: 'cadre' },
      description: { type: 'string', minLength: 1 },
      check_name: { type: 'string', minLength: 1 },
      fingerprint: { type: 'string', minLength: 1 },
      severity: { enum: ['info', 'minor', 'major', 'critical', 'blocker'] },
      categories: {
        type: 'array',
        minItems: 1,
        items: { enum: ['Bug Risk', 'Clarity', 'Compatibility', 'Complexity', 'Duplication', 'Performance', 'Security', 'Style'] },
      },
      location: {
        type: 'object',
        required: ['path'],
        properties: {
          path: { type: 'string', minLength: 1 },
          lines: {
            type: 'object',
            required: ['begin'],
            properties: { begin: { type: 'integer', minimum: 1 }, end: { type: 'integer', minimum: 1 } },
          },
          positions: {
            type: 'object',
            required: ['begin'],
            properties: { begin: { type: 'object', required: ['line'], properties: { line: { type: 'integer', minimum: 1 } } } },
          },
        },
        anyOf: [{ required: ['lines'] }, { required: ['positions'] }],
      },
    },
  },
};

const validate = new Ajv({ allErrors: true, strict: true, strictRequired: false }).compile(CODE_QUALITY_SCHEMA);

function parse(text: string): CodeQualityIssue[] {
  expect(text.charCodeAt(0)).not.toBe(0xfeff);
  expect(text.startsWith('[')).toBe(true);
  const issues = JSON.parse(text) as CodeQualityIssue[];
  expect(Array.isArray(issues)).toBe(true);
  const valid = validate(issues);
  expect(validate.errors ?? []).toEqual([]);
  expect(valid).toBe(true);
  expect(new Set(issues.map((i) => i.fingerprint)).size).toBe(issues.length);
  return issues;
}

describe('Code Quality renderer', () => {
  let report: Report;
  beforeAll(async () => {
    ({ report } = await sampleReport('fr'));
  });

  it('is a registered format', async () => {
    expect(await loadRenderer('codequality')).toBe(renderCodeQuality);
  });

  it('gives one valid issue per finding, with the finding’s fingerprint and the documented severity', () => {
    const issues = parse(renderCodeQuality(report, {}));
    expect(issues).toHaveLength(report.findings.length);
    expect(report.findings.length).toBeGreaterThanOrEqual(8);
    report.findings.forEach((finding, index) => {
      const issue = issues[index];
      expect(issue.check_name).toBe(finding.ruleId);
      expect(issue.fingerprint).toBe(finding.fingerprint);
      expect(issue.severity).toBe(finding.waiver ? 'info' : CODE_QUALITY_SEVERITY[finding.severity]);
      expect(issue.location.lines.begin).toBe(finding.line ?? 1);
      expect(issue.type).toBe('issue');
      expect(issue.engine_name).toBe('cadre');
    });
    expect(CODE_QUALITY_SEVERITY).toEqual({ critical: 'blocker', high: 'critical', medium: 'major', low: 'minor', info: 'info' });
    expect(issues.find((i) => i.check_name === 'secret-test-key')).toMatchObject({ severity: 'blocker', categories: ['Security'], location: { path: 'deploy/key.txt', lines: { begin: 1 } } });
    expect(issues.find((i) => i.check_name === 'a11y-test-img-alt')?.categories).toEqual(['Compatibility']);
    expect(issues.find((i) => i.check_name === 'eco-test-autoplay')?.categories).toEqual(['Performance']);
  });

  it('points repository-level findings at the root and says so in the description', () => {
    const issues = parse(renderCodeQuality(report, {}));
    const license = issues.find((i) => i.check_name === 'hyg-test-license');
    expect(license).toMatchObject({ severity: 'major', categories: ['Clarity'], location: { path: REPOSITORY_PATH, lines: { begin: 1 } } });
    expect(license?.description).toBe('Le dépôt n’a pas de licence (constat au niveau du dépôt)');
    const en = parse(renderCodeQuality({ ...report, lang: 'en' }, {}));
    expect(en.find((i) => i.check_name === 'hyg-test-license')?.description).toMatch(/\(repository-level finding\)$/);
  });

  it('keeps a waived finding as info, with its waiver', () => {
    const waived = report.findings.find((f) => f.waiver);
    expect(waived).toBeDefined();
    const issue = parse(renderCodeQuality(report, {})).find((i) => i.fingerprint === waived?.fingerprint);
    expect(issue?.severity).toBe('info');
    expect(issue?.description).toContain('dérogé (.cadre-waivers.yml:');
    expect(issue?.location.path).toBe('legacy/Dockerfile');
  });

  it('is valid on the demo repository with the built-in rules', async () => {
    const demo = await demoReport('fr');
    if (!demo) return;
    const issues = parse(renderCodeQuality(demo.report, { gate: demo.gate }));
    expect(issues).toHaveLength(demo.report.findings.length);
    expect(issues.map((i) => i.fingerprint)).toEqual(demo.report.findings.map((f) => f.fingerprint));
  });

  it('keeps hostile paths exact for GitLab’s links and makes descriptions one inert line', () => {
    const hostile = hostileReport();
    const text = renderCodeQuality(hostile, {});
    const issues = parse(text);
    expect(issues[0].location.path).toBe(hostile.findings[0].file);
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/); // JSON escapes control characters; only the layout's newlines are raw
    for (const issue of issues) {
      expect(issue.description).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
      expect(issue.description).toContain('\\u001b[31m');
    }
  });

  it('never repeats a fingerprint, even when the report does', () => {
    const hostile = hostileReport();
    hostile.findings[1].fingerprint = hostile.findings[0].fingerprint;
    hostile.findings[2].fingerprint = hostile.findings[0].fingerprint;
    const issues = parse(renderCodeQuality(hostile, {}));
    expect(issues[0].fingerprint).toBe(hostile.findings[0].fingerprint);
    expect(issues[1].fingerprint).toMatch(/^[0-9a-f]{32}$/);
  });
});
