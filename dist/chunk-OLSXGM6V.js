import { createRequire as __cadreCreateRequire } from 'node:module';
const require = __cadreCreateRequire(import.meta.url);
import {
  messages,
  oneLine
} from "./chunk-55H6FO74.js";
import "./chunk-CBBNNE4E.js";

// src/render/console.ts
var COLORS = { critical: 35, high: 31, medium: 33, low: 36, info: 90 };
var renderConsole = (report, options) => {
  const t = messages(report.lang);
  const paint = (code, text) => options.color ? `\x1B[${code}m${text}\x1B[0m` : text;
  const bold = (text) => options.color ? `\x1B[1m${text}\x1B[0m` : text;
  const out = [];
  const groups = /* @__PURE__ */ new Map();
  for (const finding of report.findings) {
    const key = finding.file ?? "";
    groups.set(key, [...groups.get(key) ?? [], finding]);
  }
  for (const [file, findings] of groups) {
    out.push(bold(`▸ ${file === "" ? t.repositoryLevel : oneLine(file)}`));
    for (const finding of findings) {
      const where = finding.line !== void 0 ? `${finding.line}${finding.column ? `:${finding.column}` : ""}` : "-";
      const severity = finding.waiver ? paint(90, t.waivedLabel.padEnd(8)) : paint(COLORS[finding.severity], t.severity[finding.severity].padEnd(8));
      out.push(`  ${where.padStart(7)}  ${severity} ${oneLine(finding.message)}  ${paint(90, finding.ruleId)}`);
      if (finding.snippet) out.push(`           ${paint(90, `│ ${oneLine(finding.snippet)}`)}`);
      if (finding.waiver) {
        const who = [finding.waiver.author, finding.waiver.approver].filter(Boolean).join(", ");
        out.push(`           ${paint(90, `↳ ${t.waiverBy(who, finding.waiver.expires, oneLine(finding.waiver.location))} ${oneLine(finding.waiver.justification)}`)}`);
      }
    }
    out.push("");
  }
  if (report.findings.length === 0) out.push(t.noFindings, "");
  const notable = report.waivers.filter((w) => w.status !== "active");
  if (notable.length > 0) {
    out.push(bold(t.waiversTitle));
    for (const waiver of notable) {
      const color = waiver.status === "stale" ? 33 : 31;
      out.push(`  ${oneLine(waiver.location)}  ${paint(color, t.waiverStatus[waiver.status])}  ${waiver.rule}${waiver.detail ? ` — ${oneLine(waiver.detail)}` : ""}`);
    }
    out.push("");
  }
  if (report.scores.frameworks.length > 0 && report.scores.frameworks.length <= 20) {
    out.push(bold(t.scoresTitle));
    for (const score of report.scores.frameworks) {
      const total = score.passed + score.failed + score.waived;
      out.push(`  ${oneLine(score.framework).padEnd(34)} ${String(score.passed).padStart(3)}/${total} ${t.criteriaPassed}${score.failed ? paint(31, ` · ${score.failed} ${t.criteriaFailed}`) : ""}${score.waived ? ` · ${score.waived} ${t.criteriaWaived}` : ""}`);
    }
    out.push("");
  }
  if (report.errors.length > 0) {
    out.push(bold(t.errorsTitle));
    for (const error of report.errors) {
      const where = error.file ? `${oneLine(error.file)}${error.line ? `:${error.line}` : ""}` : t.repositoryLevel;
      out.push(`  ${where}: ${oneLine(error.message)}${error.ruleId ? ` (${error.ruleId})` : ""}`);
    }
    out.push("");
  }
  const counts = Object.entries(report.summary.bySeverity).filter(([, n]) => n > 0).map(([severity, n]) => paint(COLORS[severity], `${n} ${t.severity[severity]}`));
  const parts = [t.summary(report.summary.findings, report.summary.files, (report.durationMs / 1e3).toFixed(2))];
  if (counts.length) parts.push(counts.join(", "));
  if (report.summary.waived) parts.push(t.waivedCount(report.summary.waived));
  if (report.baseline) parts.push(t.baselineCount(report.baseline.unchanged, report.baseline.fixed));
  if (report.skipped.length) parts.push(t.skippedCount(report.skipped.length));
  if (report.errors.length) parts.push(t.errorCount(report.errors.length));
  if (options.gate) {
    parts.push(options.gate.passed ? paint(32, t.gatePassed(options.gate.failOn)) : paint(31, t.gateFailed(options.gate.blocking, options.gate.failOn)));
  }
  out.push(parts.join(" · "));
  return `${out.join("\n")}
`;
};
export {
  renderConsole
};
