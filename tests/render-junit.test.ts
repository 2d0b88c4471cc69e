// JUnit XML for GitLab's test report: well-formed, one suite per domain, one failing case per
// finding, one passing case per rule without findings, waived findings skipped, scan errors as
// erroring cases, consistent counts, unique name + classname, hostile text escaped.
// (No XSD validation: JUnit has no official schema and GitLab's parser is tolerant; formats.md 5.)
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { DOMAINS, type Report } from '../src/model/types.js';
import { renderJunit } from '../src/render/junit.js';
import { loadRenderer } from '../src/render/renderer.js';
import { demoReport, HOSTILE, hostileReport, sampleReport } from './render-samples.js';

type Attrs = Record<string, string>;
interface Outcome extends Attrs {
  '#text': string;
}
interface TestCase extends Attrs {
  failure?: Outcome;
  error?: Outcome;
  skipped?: Outcome;
}
interface TestSuite extends Attrs {
  testcase?: TestCase[];
  'system-out'?: { '#text': string };
}
interface Parsed {
  testsuites: Attrs & { testsuite: TestSuite[] };
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseAttributeValue: false,
  parseTagValue: false,
  trimValues: false,
  alwaysCreateTextNode: true,
  isArray: (name) => name === 'testsuite' || name === 'testcase',
});

/** Well-formed, structurally sound JUnit: returns the parsed tree. */
function check(xml: string): Parsed {
  expect(XMLValidator.validate(xml)).toBe(true);
  expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites ')).toBe(true);
  const parsed = parser.parse(xml) as Parsed;
  const root = parsed.testsuites;
  expect(root.name).toBe('cadre');
  const totals = { tests: 0, failures: 0, errors: 0, skipped: 0 };
  const seen = new Set<string>();
  for (const suite of root.testsuite) {
    const cases = suite.testcase ?? [];
    const counts = {
      tests: cases.length,
      failures: cases.filter((c) => c.failure).length,
      errors: cases.filter((c) => c.error).length,
      skipped: cases.filter((c) => c.skipped).length,
    };
    expect({ tests: Number(suite.tests), failures: Number(suite.failures), errors: Number(suite.errors), skipped: Number(suite.skipped) }).toEqual(counts);
    for (const key of Object.keys(totals) as (keyof typeof totals)[]) totals[key] += counts[key];
    for (const testcase of cases) {
      expect(testcase.classname).toBeTruthy();
      expect(testcase.name).toBeTruthy();
      const key = `${testcase.classname}\u0000${testcase.name}`;
      expect(seen.has(key), key).toBe(false);
      seen.add(key);
      expect([testcase.failure, testcase.error, testcase.skipped].filter(Boolean).length).toBeLessThanOrEqual(1);
    }
  }
  expect({ tests: Number(root.tests), failures: Number(root.failures), errors: Number(root.errors), skipped: Number(root.skipped) }).toEqual(totals);
  return parsed;
}

const allCases = (parsed: Parsed) => parsed.testsuites.testsuite.flatMap((s) => (s.testcase ?? []).map((c) => ({ suite: s.name, ...c })));

describe('JUnit renderer', () => {
  let report: Report;
  let parsed: Parsed;
  beforeAll(async () => {
    ({ report } = await sampleReport('fr'));
    parsed = check(renderJunit(report, {}));
  });

  it('is a registered format', async () => {
    expect(await loadRenderer('junit')).toBe(renderJunit);
  });

  it('has one suite per domain in use, then the scan suite', () => {
    const names = parsed.testsuites.testsuite.map((s) => s.name);
    const domains = DOMAINS.filter((d) => report.rules.some((r) => r.domain === d) || report.findings.some((f) => f.domain === d));
    expect(names).toEqual([...domains, 'scan']);
    for (const suite of parsed.testsuites.testsuite) expect(suite.timestamp).toBe('2026-11-28T10:00:00');
  });

  it('has one failing case per counting finding, one skipped per waived finding, one passing per clean rule', () => {
    const cases = allCases(parsed);
    const counting = report.findings.filter((f) => !f.waiver);
    const failures = cases.filter((c) => c.failure);
    expect(failures).toHaveLength(counting.length);
    expect(cases.filter((c) => c.skipped)).toHaveLength(report.findings.length - counting.length);
    const clean = report.rules.filter((r) => !report.findings.some((f) => f.ruleId === r.id));
    expect(clean.length).toBeGreaterThan(0);
    const passing = cases.filter((c) => !c.failure && !c.error && !c.skipped);
    expect(passing.map((c) => c.classname).sort()).toEqual(clean.map((r) => r.id).sort());
    expect(passing.find((c) => c.classname === 'cpin-test-never')).toMatchObject({ suite: 'platform', name: 'Règle sans constat' });

    for (const finding of counting) {
      const testcase = failures.find((c) => c.name.endsWith(`#${finding.fingerprint.slice(0, 8)}`) && c.classname === finding.ruleId);
      expect(testcase, finding.fingerprint).toBeDefined();
      expect(testcase?.suite).toBe(finding.domain);
      expect(testcase?.name).toBe(`${finding.file ?? '.'}${finding.line !== undefined ? `:${finding.line}` : ''} #${finding.fingerprint.slice(0, 8)}`);
      expect(testcase?.file).toBe(finding.file);
      expect(testcase?.failure?.type).toBe(finding.severity);
      expect(testcase?.failure?.message).toBe(finding.message);
      const body = testcase?.failure?.['#text'] ?? '';
      expect(body.startsWith(finding.message)).toBe(true);
      if (finding.snippet) expect(body).toContain(finding.snippet);
      for (const ref of finding.references) expect(body).toContain(`- ${ref.framework} ${ref.criterion}`);
      expect(body).toContain('Correction : ');
    }
    const license = failures.find((c) => c.classname === 'hyg-test-license');
    expect(license?.file).toBeUndefined();
    expect(license?.failure?.['#text']).toContain('. (constat au niveau du dépôt)');
    const waived = cases.find((c) => c.skipped);
    expect(waived?.skipped?.message).toMatch(/^dérogé \(\.cadre-waivers\.yml:\d+\) : Image du traitement de nuit, reconstruite sans root au T1 <ticket & suivi>\.$/);
  });

  it('reports scan errors as erroring cases and skipped files in system-out', () => {
    const scan = parsed.testsuites.testsuite.find((s) => s.name === 'scan');
    expect(scan?.testcase).toHaveLength(1);
    expect(scan?.testcase?.[0]).toMatchObject({ classname: 'cadre.scan', file: 'web/broken.yaml', error: { type: 'scan-error', message: 'unexpected end of the stream within a flow collection' } });
    expect(scan?.testcase?.[0].name).toMatch(/^web\/broken\.yaml:3 #[0-9a-f]{8}$/);
    expect(scan?.['system-out']?.['#text']).toContain('Fichiers ignorés (1)\n- assets/logo.bin — binaire');
  });

  it('speaks English with lang en', async () => {
    const { report: en } = await sampleReport('en');
    const xml = renderJunit(en, {});
    check(xml);
    expect(xml).toContain('Remediation: Fix the file.');
    expect(xml).toContain('Skipped files (1)');
  });

  it('is sound on the demo repository with the built-in rules', async () => {
    const demo = await demoReport('en');
    if (!demo) return;
    const demoParsed = check(renderJunit(demo.report, { gate: demo.gate }));
    expect(allCases(demoParsed).filter((c) => c.failure)).toHaveLength(demo.report.findings.filter((f) => !f.waiver).length);
    expect(allCases(demoParsed).length).toBeGreaterThanOrEqual(demo.report.rules.length);
  });

  it('escapes a hostile report and strips what XML 1.0 forbids', () => {
    const hostile = hostileReport();
    const xml = renderJunit(hostile, {});
    const tree = check(xml);
    // Nothing from the report becomes markup, a CDATA end or a raw control character.
    expect(xml).not.toContain('<script');
    expect(xml).not.toContain('<img');
    expect(xml).not.toContain('<b>');
    expect(xml).not.toContain(']]>');
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/);
    expect(xml).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
    expect(xml).not.toContain('\u202e');
    expect(xml).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(xml).toContain('&quot;quoted&quot; &apos;single&apos;');
    expect(xml).toContain('\\u001b[31m');

    const cases = allCases(tree);
    const first = cases.find((c) => c.classname === 'secret-test-key');
    // The parser decodes entities: the text reads back as the original, one line, control characters made visible.
    expect(first?.file).toBe(HOSTILE.file.replace(/\n/g, ' ').replace('\u001b', '\\u001b'));
    expect(first?.failure?.['#text']).toContain('password = "<b>hunter2</b>" ]]>');
    expect(first?.failure?.['#text']).toContain('\\u0000\\u0007\\u000b\\u001b[2J');
    // Same file, same line, two rules; and two findings of one rule on one line stay apart.
    expect(cases.filter((c) => c.failure).map((c) => `${c.classname} ${c.name}`)).toHaveLength(4);
    expect(cases.find((c) => c.skipped)?.skipped?.message).toContain('Accepté <b>ticket</b> & "suivi" ]]> \\u001b[31m');
    expect(cases.filter((c) => c.error)).toHaveLength(2);
    expect(cases.find((c) => c.classname === 'cadre.scan.docker-test-root')?.error?.message).toBe('rule failed "badly"');
    expect(cases.find((c) => c.classname === 'eco-test-never')?.name).toBe('Never | <i>fires</i>');
  });

  it('keeps name + classname unique when fingerprints collide', () => {
    const hostile = hostileReport();
    for (const finding of hostile.findings) {
      finding.ruleId = 'docker-test-root';
      finding.file = 'same.yaml';
      finding.line = 1;
      finding.fingerprint = '0'.repeat(32);
      finding.domain = 'security';
      delete finding.waiver;
    }
    const cases = allCases(check(renderJunit(hostile, {})));
    expect(cases.filter((c) => c.failure).map((c) => c.name)).toEqual([
      'same.yaml:1 #00000000',
      'same.yaml:1 #00000000 (2)',
      'same.yaml:1 #00000000 (3)',
      'same.yaml:1 #00000000 (4)',
      'same.yaml:1 #00000000 (5)',
    ]);
  });
});
