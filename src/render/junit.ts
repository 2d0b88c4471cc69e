// JUnit XML for GitLab's test report (artifacts:reports:junit): each rule is a test, each finding a
// failing case, so the merge request shows newly failing and fixed rules like newly failing tests.
//
// Structure:
// - <testsuites name="cadre"> with the totals; one <testsuite> per domain (name = domain id, the
//   same in every language), in the order of DOMAINS, for the domains that have rules or findings.
// - Per rule (sorted by id): one failing <testcase> per finding, classname = rule id, name =
//   "path:line #<first 8 hex digits of the fingerprint>" (the fingerprint keeps two findings on one
//   line apart; should two still share name and classname, the full fingerprint, then a counter, is
//   added: GitLab wants name + classname unique). Repository-level findings are named "." (the root
//   of the checkout, as in SARIF and Code Quality) and have no `file` attribute; the others carry
//   `file` (path relative to the repository, which enables GitLab's "Copy failed tests").
//   <failure message="the finding's message" type="severity"> holds the message, the location, the
//   snippet, the rule's remediation and its references.
// - A waived finding (accepted risk) is a <testcase> with <skipped message="waived (where): why">:
//   it neither fails nor passes.
// - A rule without any finding is one passing <testcase> (classname = rule id, name = its title),
//   so the test tab shows what was checked.
// - The scan's own problems go to a last <testsuite name="scan">: one <testcase> with an <error>
//   per scan error (a file that could not be parsed, a rule that failed), so GitLab counts them as
//   erroring tests; skipped files (binary, too large…) and rules that hit the per-rule findings cap
//   are listed in its <system-out>, one per line, as they are not checks that ran. The suite is
//   left out when there is nothing to say.
// Text from the repository (paths, messages, snippets) is XML-escaped (& < > " ') after control
// characters are made visible (\u001b) and characters XML 1.0 forbids are removed.

import { createHash } from 'node:crypto';
import { DOMAINS, type Finding, type Report, type RuleSummary, type ScanError } from '../model/types.js';
import { messages, type Messages } from '../i18n/messages.js';
import type { Renderer } from './renderer.js';
import { neutralize, oneLine } from './sanitize.js';

/** Characters outside XML 1.0's Char production (after neutralize, only lone surrogates, U+FFFE and U+FFFF remain). */
const ILLEGAL_XML = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text content: control characters made visible, illegal characters removed, markup escaped. */
export function xmlText(text: string): string {
  return neutralize(text)
    .replace(ILLEGAL_XML, '')
    .replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/** An attribute value: one line (parsers would turn newlines into spaces anyway), then escaped. */
export function xmlAttr(text: string): string {
  return xmlText(oneLine(text).replace(/\t/g, ' '));
}

interface Case {
  classname: string;
  name: string;
  file?: string;
  outcome?: { kind: 'failure' | 'error' | 'skipped'; message: string; type?: string; body?: string };
}

interface Suite {
  name: string;
  cases: Case[];
  systemOut?: string[];
}

export const renderJunit: Renderer = (report) => {
  const t = messages(report.lang);
  const rules = [...report.rules].sort((a, b) => compare(a.id, b.id));
  const ruleById = new Map(rules.map((rule) => [rule.id, rule]));
  const byRule = new Map<string, Finding[]>();
  for (const finding of report.findings) byRule.set(finding.ruleId, [...(byRule.get(finding.ruleId) ?? []), finding]);

  const suites: Suite[] = [];
  for (const domain of DOMAINS) {
    const cases: Case[] = [];
    for (const rule of rules.filter((r) => r.domain === domain)) {
      const findings = byRule.get(rule.id) ?? [];
      if (findings.length === 0) cases.push({ classname: rule.id, name: rule.title || rule.id });
      for (const finding of findings) cases.push(findingCase(finding, rule, t));
    }
    // Findings of rules the report does not describe (a hand-made or partial report) still count.
    const orphans = [...byRule.keys()].filter((id) => !ruleById.has(id)).sort(compare);
    for (const id of orphans) {
      for (const finding of byRule.get(id) ?? []) if (finding.domain === domain) cases.push(findingCase(finding, undefined, t));
    }
    if (cases.length > 0) suites.push({ name: domain, cases });
  }
  const scan = scanSuite(report, t);
  if (scan) suites.push(scan);

  // Unique name + classname in the whole file.
  const used = new Set<string>();
  for (const suite of suites) {
    for (const testcase of suite.cases) {
      const base = testcase.name;
      const key = () => `${testcase.classname}\u0000${testcase.name}`;
      for (let n = 2; used.has(key()); n++) testcase.name = `${base} (${n})`;
      used.add(key());
    }
  }

  const count = (cases: Case[], kind?: string) => cases.filter((c) => c.outcome?.kind === kind).length;
  const all = suites.flatMap((s) => s.cases);
  const timestamp = report.startedAt.slice(0, 19);
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  out.push(
    `<testsuites name="cadre" tests="${all.length}" failures="${count(all, 'failure')}" errors="${count(all, 'error')}" skipped="${count(all, 'skipped')}" time="${(report.durationMs / 1000).toFixed(3)}">`,
  );
  for (const suite of suites) {
    out.push(
      `  <testsuite name="${xmlAttr(suite.name)}" tests="${suite.cases.length}" failures="${count(suite.cases, 'failure')}" errors="${count(suite.cases, 'error')}" skipped="${count(suite.cases, 'skipped')}" time="0" timestamp="${xmlAttr(timestamp)}">`,
    );
    for (const testcase of suite.cases) out.push(...renderCase(testcase));
    if (suite.systemOut?.length) out.push(`    <system-out>${suite.systemOut.map(xmlText).join('\n')}</system-out>`);
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
};

function findingCase(finding: Finding, rule: RuleSummary | undefined, t: Messages): Case {
  const where = `${finding.file || '.'}${finding.line !== undefined ? `:${finding.line}` : ''}`;
  const testcase: Case = { classname: finding.ruleId, name: `${where} #${finding.fingerprint.slice(0, 8)}` };
  if (finding.file) testcase.file = finding.file;
  if (finding.waiver) {
    testcase.outcome = { kind: 'skipped', message: t.waivedFinding(finding.waiver.justification, finding.waiver.location) };
    return testcase;
  }
  const body: string[] = [finding.message];
  body.push(
    finding.file
      ? oneLine(`${finding.file}${finding.line !== undefined ? `:${finding.line}${finding.column ? `:${finding.column}` : ''}` : ''}`)
      : `. (${t.repositoryFinding})`,
  );
  if (finding.snippet) body.push('', finding.snippet);
  if (rule?.remediation) body.push('', t.labelled(t.remediation, rule.remediation));
  if (finding.references.length > 0) {
    body.push('', t.labelled(t.references, '').trimEnd());
    for (const ref of finding.references) body.push(`- ${ref.framework} ${ref.criterion}${ref.url ? ` ${ref.url}` : ''}`);
  }
  testcase.outcome = { kind: 'failure', message: finding.message, type: finding.severity, body: body.join('\n') };
  return testcase;
}

function scanSuite(report: Report, t: Messages): Suite | undefined {
  const cases = report.errors.map((error) => errorCase(error));
  const systemOut: string[] = [];
  if (report.skipped.length > 0) {
    systemOut.push(`${t.skippedTitle} (${report.skipped.length})`);
    for (const skipped of report.skipped) {
      systemOut.push(`- ${oneLine(skipped.file)} — ${t.skipReason[skipped.reason] ?? skipped.reason}${skipped.detail ? ` (${oneLine(skipped.detail)})` : ''}`);
    }
  }
  for (const truncated of report.truncated ?? []) systemOut.push(`${truncated.ruleId}: ${t.md.truncatedRules(truncated.omitted, 1)}`);
  if (cases.length === 0 && systemOut.length === 0) return undefined;
  return { name: 'scan', cases, systemOut };
}

function errorCase(error: ScanError): Case {
  const where = `${error.file || '.'}${error.line !== undefined ? `:${error.line}` : ''}`;
  // A stable suffix: the same error in the next pipeline is the same test.
  const hash = createHash('sha256').update(`${error.ruleId ?? ''}\u0000${where}\u0000${error.message}`).digest('hex').slice(0, 8);
  return {
    classname: error.ruleId ? `cadre.scan.${error.ruleId}` : 'cadre.scan',
    name: `${where} #${hash}`,
    ...(error.file ? { file: error.file } : {}),
    outcome: { kind: 'error', message: error.message, type: 'scan-error', body: `${oneLine(where)}\n${error.message}` },
  };
}

function renderCase(testcase: Case): string[] {
  const attrs = `classname="${xmlAttr(testcase.classname)}" name="${xmlAttr(testcase.name)}"${testcase.file ? ` file="${xmlAttr(testcase.file)}"` : ''} time="0"`;
  const outcome = testcase.outcome;
  if (!outcome) return [`    <testcase ${attrs}/>`];
  const type = outcome.type ? ` type="${xmlAttr(outcome.type)}"` : '';
  const element =
    outcome.body === undefined
      ? `<${outcome.kind} message="${xmlAttr(outcome.message)}"${type}/>`
      : `<${outcome.kind} message="${xmlAttr(outcome.message)}"${type}>${xmlText(outcome.body)}</${outcome.kind}>`;
  return [`    <testcase ${attrs}>`, `      ${element}`, '    </testcase>'];
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
