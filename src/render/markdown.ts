// Markdown for a pull request comment, a merge request note or a GitHub job summary: the verdict,
// totals per severity, domain and framework, the top findings in a table and the rest folded in a
// <details> block, then the counts of skipped files and errors.
//
// Size: the text never exceeds `maxLength` characters (default 60,000; GitHub rejects comments
// above 65,536). When the whole report does not fit, rows are dropped from the end (least severe
// first), whole rows only, and the text says how many were left out and that the full report is in
// the job artifacts; if even no row fits, the framework table, then the domain table, go too. Below
// a few hundred characters (title and counts alone) the length is a floor, not guaranteed.
//
// Safety: every text taken from the report (paths, messages, rule ids, framework names) goes
// through escapeMarkdown: one line, control characters made visible, Markdown punctuation
// backslash-escaped, < > & as entities (so no HTML from the report reaches the page) and a
// zero-width space after @ (a file named "@org/team" must not notify anyone). Snippets are not
// shown: they are in the JSON, SARIF and HTML reports.
//
// Words come from src/i18n/messages.ts in the report's language.

import type { Finding, Report, Severity } from '../model/types.js';
import { SEVERITIES } from '../model/types.js';
import { severityRank } from '../gate/gate.js';
import { messages, type Messages } from '../i18n/messages.js';
import type { Renderer, RenderOptions } from './renderer.js';
import { oneLine } from './sanitize.js';

/** The first line of the text: how the sticky comment or note is found again. */
export const MARKDOWN_MARKER = '<!-- cadre-report -->';
export const DEFAULT_MAX_LENGTH = 60_000;
/** Rows in the visible table; the others go in the <details> block. */
export const TOP_ROWS = 20;
/** Longer messages are shortened (before escaping, so no escape is cut). */
const MAX_MESSAGE = 300;

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '@': '@\u200b',
};

/** Text from the report, made inert for a Markdown table cell or paragraph. */
export function escapeMarkdown(text: string): string {
  return oneLine(text).replace(/[\\`*_[\]|~$#!&<>@]/g, (c) => ESCAPES[c] ?? `\\${c}`);
}

export const renderMarkdown: Renderer = (report, options) => {
  const maxLength = options.maxLength ?? DEFAULT_MAX_LENGTH;
  const parts = prepare(report, options);
  const all = parts.rows.length;
  const full = compose(parts, all, 0);
  if (full.length <= maxLength) return full;
  for (let level = 0; level <= 2; level++) {
    if (compose(parts, 0, level).length > maxLength) continue;
    // The largest number of rows that fits; the length grows with the rows kept.
    let low = 0;
    let high = all - 1;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if (compose(parts, mid, level).length <= maxLength) low = mid;
      else high = mid - 1;
    }
    return compose(parts, low, level);
  }
  return compose(parts, 0, 2);
};

interface Parts {
  t: Messages;
  head: string[];
  severities: string[];
  domains: string[];
  frameworks: string[];
  rows: string[];
  tableHead: string[];
  noFindings: boolean;
  counts: string[];
  footer: string;
}

function prepare(report: Report, options: RenderOptions): Parts {
  const t = messages(report.lang);
  const gate = options.gate;
  const verdict = gate ? (gate.passed ? `✅ ${t.md.title(t.gatePassed(gate.failOn))}` : `❌ ${t.md.title(t.gateFailed(gate.blocking, gate.failOn))}`) : t.md.title(t.md.findingsTitle(report.summary.findings));

  const summary = [t.summary(report.summary.findings, report.summary.files, (report.durationMs / 1000).toFixed(2))];
  if (report.summary.waived) summary.push(t.waivedCount(report.summary.waived));
  if (report.baseline) summary.push(t.baselineCount(report.baseline.unchanged, report.baseline.fixed));
  const toReview = report.waivers.filter((w) => w.status !== 'active').length;
  if (toReview) summary.push(t.md.waiversToReview(toReview));

  const severities = [
    `| ${SEVERITIES.map((s) => t.severity[s]).join(' | ')} |`,
    `|${SEVERITIES.map(() => '---:').join('|')}|`,
    `| ${SEVERITIES.map((s) => String(report.summary.bySeverity[s] ?? 0)).join(' | ')} |`,
  ];

  const domainCounts = Object.entries(report.summary.byDomain)
    .filter(([, n]) => n > 0)
    .sort(([a, n], [b, m]) => m - n || compare(a, b));
  const domains = domainCounts.length
    ? [`| ${t.md.domain} | ${t.md.findings} |`, '|---|---:|', ...domainCounts.map(([domain, n]) => `| ${escapeMarkdown(t.domain[domain] ?? domain)} | ${n} |`)]
    : [];

  // Each counting finding once per framework it refers to.
  const perFramework = new Map<string, number>();
  for (const finding of report.findings) {
    if (finding.waiver) continue;
    for (const framework of new Set(finding.references.map((r) => r.framework))) perFramework.set(framework, (perFramework.get(framework) ?? 0) + 1);
  }
  const frameworkCounts = [...perFramework].sort(([a, n], [b, m]) => m - n || compare(a, b));
  const frameworks = frameworkCounts.length
    ? [`| ${t.md.framework} | ${t.md.findings} |`, '|---|---:|', ...frameworkCounts.map(([framework, n]) => `| ${escapeMarkdown(framework)} | ${n} |`)]
    : [];

  const sorted = [...report.findings].sort(compareFindings);
  const rows = sorted.map((finding) => row(finding, t));

  const counts: string[] = [];
  if (report.skipped.length) {
    const reasons = new Map<string, number>();
    for (const skipped of report.skipped) reasons.set(skipped.reason, (reasons.get(skipped.reason) ?? 0) + 1);
    const detail = [...reasons].sort(([a], [b]) => compare(a, b)).map(([reason, n]) => t.labelled(escapeMarkdown(t.skipReason[reason] ?? reason), String(n)));
    counts.push(`${t.skippedCount(report.skipped.length)} (${detail.join(', ')})`);
  }
  if (report.errors.length) counts.push(t.errorCount(report.errors.length));
  if (report.truncated?.length) counts.push(t.md.truncatedRules(report.truncated.reduce((sum, r) => sum + r.omitted, 0), report.truncated.length));

  const commit = report.target.commit ? escapeMarkdown(report.target.commit.slice(0, 12)) : undefined;
  const footer = `<sub>${t.md.footer(escapeMarkdown(report.tool.version), escapeMarkdown(report.ruleset.digest.replace(/^sha256:/, '').slice(0, 12)), commit)}</sub>`;

  return {
    t,
    head: [MARKDOWN_MARKER, `### ${verdict}`, summary.join(' · ')],
    severities,
    domains,
    frameworks,
    rows,
    tableHead: [`| ${t.md.severity} | ${t.md.rule} | ${t.md.location} | ${t.md.message} |`, '|---|---|---|---|'],
    noFindings: report.findings.length === 0,
    counts,
    footer,
  };
}

/**
 * The text with the first `kept` rows; level 1 leaves out the framework table, level 2 the domain
 * table too. Blocks are separated by blank lines; a table or a <details> block is always whole.
 */
function compose(parts: Parts, kept: number, level: number): string {
  const { t } = parts;
  const blocks: string[] = [parts.head.join('\n\n'), parts.severities.join('\n')];
  if (level < 2 && parts.domains.length) blocks.push(parts.domains.join('\n'));
  if (level < 1 && parts.frameworks.length) blocks.push(parts.frameworks.join('\n'));
  if (parts.noFindings) {
    blocks.push(t.noFindings);
  } else {
    const top = parts.rows.slice(0, Math.min(kept, TOP_ROWS));
    const rest = parts.rows.slice(top.length, kept);
    if (top.length) blocks.push(`#### ${t.md.topFindings}`, [...parts.tableHead, ...top].join('\n'));
    if (rest.length) {
      blocks.push(`<details>\n<summary>${t.md.moreFindings(rest.length)}</summary>\n\n${[...parts.tableHead, ...rest].join('\n')}\n\n</details>`);
    }
    const omitted = parts.rows.length - kept;
    if (omitted > 0) blocks.push(`> ${t.md.omitted(omitted)}`);
  }
  if (parts.counts.length) blocks.push(parts.counts.join(' · '));
  blocks.push(parts.footer);
  return `${blocks.join('\n\n')}\n`;
}

function row(finding: Finding, t: Messages): string {
  const severity = finding.waiver ? t.md.waivedSeverity(t.severity[finding.severity] ?? finding.severity) : `**${t.severity[finding.severity] ?? escapeMarkdown(finding.severity)}**`;
  const rule = /^[a-z0-9][a-z0-9.-]*$/.test(finding.ruleId) ? `\`${finding.ruleId}\`` : escapeMarkdown(finding.ruleId);
  const location = finding.file ? escapeMarkdown(`${finding.file}${finding.line !== undefined ? `:${finding.line}` : ''}`) : t.repositoryLevel;
  return `| ${severity} | ${rule} | ${location} | ${escapeMarkdown(shorten(finding.message))} |`;
}

/** Counting findings first, then by severity, file, line and rule. */
function compareFindings(a: Finding, b: Finding): number {
  return (
    Number(Boolean(a.waiver)) - Number(Boolean(b.waiver)) ||
    rank(b.severity) - rank(a.severity) ||
    compare(a.file ?? '', b.file ?? '') ||
    (a.line ?? 0) - (b.line ?? 0) ||
    compare(a.ruleId, b.ruleId) ||
    compare(a.fingerprint, b.fingerprint)
  );
}

function rank(severity: Severity): number {
  return SEVERITIES.includes(severity) ? severityRank(severity) : 0;
}

function shorten(text: string): string {
  const chars = Array.from(text);
  return chars.length > MAX_MESSAGE ? `${chars.slice(0, MAX_MESSAGE - 1).join('')}…` : text;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
