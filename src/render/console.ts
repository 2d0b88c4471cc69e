// Console output for people: findings grouped by file with their lines, a one-line
// summary at the end, colour only on a terminal.

import type { Finding, Report, Severity } from '../model/types.js';
import { messages } from '../i18n/messages.js';
import type { Renderer } from './renderer.js';
import { oneLine } from './sanitize.js';

const COLORS: Record<Severity, number> = { critical: 35, high: 31, medium: 33, low: 36, info: 90 };

export const renderConsole: Renderer = (report, options) => {
  const t = messages(report.lang);
  const paint = (code: number, text: string) => (options.color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const bold = (text: string) => (options.color ? `\u001b[1m${text}\u001b[0m` : text);
  const out: string[] = [];

  const groups = new Map<string, Finding[]>();
  for (const finding of report.findings) {
    const key = finding.file ?? '';
    groups.set(key, [...(groups.get(key) ?? []), finding]);
  }
  for (const [file, findings] of groups) {
    out.push(bold(file === '' ? t.repositoryLevel : oneLine(file)));
    for (const finding of findings) {
      const where = finding.line !== undefined ? `${finding.line}${finding.column ? `:${finding.column}` : ''}` : '-';
      const severity = paint(COLORS[finding.severity], t.severity[finding.severity].padEnd(8));
      out.push(`  ${where.padStart(7)}  ${severity} ${oneLine(finding.message)}  ${paint(90, finding.ruleId)}`);
      if (finding.snippet) out.push(`           ${paint(90, `│ ${oneLine(finding.snippet)}`)}`);
    }
    out.push('');
  }
  if (report.findings.length === 0) out.push(t.noFindings, '');

  if (report.errors.length > 0) {
    out.push(bold(t.errorsTitle));
    for (const error of report.errors) {
      const where = error.file ? `${oneLine(error.file)}${error.line ? `:${error.line}` : ''}` : t.repositoryLevel;
      out.push(`  ${where}: ${oneLine(error.message)}${error.ruleId ? ` (${error.ruleId})` : ''}`);
    }
    out.push('');
  }

  const counts = (Object.entries(report.summary.bySeverity) as [Severity, number][])
    .filter(([, n]) => n > 0)
    .map(([severity, n]) => paint(COLORS[severity], `${n} ${t.severity[severity]}`));
  const parts = [t.summary(report.summary.findings, report.summary.files, (report.durationMs / 1000).toFixed(2))];
  if (counts.length) parts.push(counts.join(', '));
  if (report.skipped.length) parts.push(t.skippedCount(report.skipped.length));
  if (report.errors.length) parts.push(t.errorCount(report.errors.length));
  if (options.gate) {
    parts.push(options.gate.passed ? paint(32, t.gatePassed(options.gate.failOn)) : paint(31, t.gateFailed(options.gate.blocking, options.gate.failOn)));
  }
  out.push(parts.join(' · '));
  return `${out.join('\n')}\n`;
};
