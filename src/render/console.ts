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
    // A line never starts with text from the repository: a file named "::error::x" must not become a CI command.
    out.push(bold(`▸ ${file === '' ? t.repositoryLevel : oneLine(file)}`));
    for (const finding of findings) {
      const where = finding.line !== undefined ? `${finding.line}${finding.column ? `:${finding.column}` : ''}` : '-';
      const severity = finding.waiver
        ? paint(90, t.waivedLabel.padEnd(8))
        : paint(COLORS[finding.severity], t.severity[finding.severity].padEnd(8));
      out.push(`  ${where.padStart(7)}  ${severity} ${oneLine(finding.message)}  ${paint(90, finding.ruleId)}`);
      if (finding.snippet) out.push(`           ${paint(90, `│ ${oneLine(finding.snippet)}`)}`);
      if (finding.waiver) {
        const who = [finding.waiver.author, finding.waiver.approver].filter(Boolean).join(', ');
        out.push(`           ${paint(90, `↳ ${t.waiverBy(who, finding.waiver.expires, oneLine(finding.waiver.location))} ${oneLine(finding.waiver.justification)}`)}`);
      }
    }
    out.push('');
  }
  if (report.findings.length === 0) out.push(t.noFindings, '');

  const notable = report.waivers.filter((w) => w.status !== 'active');
  if (notable.length > 0) {
    out.push(bold(t.waiversTitle));
    for (const waiver of notable) {
      const color = waiver.status === 'stale' ? 33 : 31;
      out.push(`  ${oneLine(waiver.location)}  ${paint(color, t.waiverStatus[waiver.status])}  ${waiver.rule}${waiver.detail ? ` — ${oneLine(waiver.detail)}` : ''}`);
    }
    out.push('');
  }

  if (report.scores.frameworks.length > 0 && report.scores.frameworks.length <= 20) {
    out.push(bold(t.scoresTitle));
    for (const score of report.scores.frameworks) {
      const total = score.passed + score.failed + score.waived;
      out.push(`  ${oneLine(score.framework).padEnd(34)} ${String(score.passed).padStart(3)}/${total} ${t.criteriaPassed}${score.failed ? paint(31, ` · ${score.failed} ${t.criteriaFailed}`) : ''}${score.waived ? ` · ${score.waived} ${t.criteriaWaived}` : ''}`);
    }
    out.push('');
  }

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
  if (report.summary.waived) parts.push(t.waivedCount(report.summary.waived));
  if (report.baseline) parts.push(t.baselineCount(report.baseline.unchanged, report.baseline.fixed));
  if (report.skipped.length) parts.push(t.skippedCount(report.skipped.length));
  if (report.errors.length) parts.push(t.errorCount(report.errors.length));
  if (options.gate) {
    parts.push(options.gate.passed ? paint(32, t.gatePassed(options.gate.failOn)) : paint(31, t.gateFailed(options.gate.blocking, options.gate.failOn)));
  }
  out.push(parts.join(' · '));
  return `${out.join('\n')}\n`;
};
