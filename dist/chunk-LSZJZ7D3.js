import { createRequire as __cadreCreateRequire } from 'node:module';
const require = __cadreCreateRequire(import.meta.url);
import {
  severityRank
} from "./chunk-AQK5JCEV.js";
import {
  SEVERITIES
} from "./chunk-XADHSC5L.js";
import {
  messages,
  oneLine
} from "./chunk-55H6FO74.js";

// src/render/markdown.ts
var MARKDOWN_MARKER = "<!-- cadre-report -->";
var DEFAULT_MAX_LENGTH = 6e4;
var TOP_ROWS = 20;
var MAX_MESSAGE = 300;
var ESCAPES = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  "@": "@​"
};
function escapeMarkdown(text) {
  return oneLine(text).replace(/[\\`*_[\]|~$#!&<>@]/g, (c) => ESCAPES[c] ?? `\\${c}`);
}
var renderMarkdown = (report, options) => {
  const maxLength = options.maxLength ?? DEFAULT_MAX_LENGTH;
  const parts = prepare(report, options);
  const all = parts.rows.length;
  const full = compose(parts, all, 0);
  if (full.length <= maxLength) return full;
  for (let level = 0; level <= 2; level++) {
    if (compose(parts, 0, level).length > maxLength) continue;
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
function prepare(report, options) {
  const t = messages(report.lang);
  const gate = options.gate;
  const verdict = gate ? gate.passed ? `✅ ${t.md.title(t.gatePassed(gate.failOn))}` : `❌ ${t.md.title(t.gateFailed(gate.blocking, gate.failOn))}` : t.md.title(t.md.findingsTitle(report.summary.findings));
  const summary = [t.summary(report.summary.findings, report.summary.files, (report.durationMs / 1e3).toFixed(2))];
  if (report.summary.waived) summary.push(t.waivedCount(report.summary.waived));
  if (report.baseline) summary.push(t.baselineCount(report.baseline.unchanged, report.baseline.fixed));
  const toReview = report.waivers.filter((w) => w.status !== "active").length;
  if (toReview) summary.push(t.md.waiversToReview(toReview));
  const severities = [
    `| ${SEVERITIES.map((s) => t.severity[s]).join(" | ")} |`,
    `|${SEVERITIES.map(() => "---:").join("|")}|`,
    `| ${SEVERITIES.map((s) => String(report.summary.bySeverity[s] ?? 0)).join(" | ")} |`
  ];
  const domainCounts = Object.entries(report.summary.byDomain).filter(([, n]) => n > 0).sort(([a, n], [b, m]) => m - n || compare(a, b));
  const domains = domainCounts.length ? [`| ${t.md.domain} | ${t.md.findings} |`, "|---|---:|", ...domainCounts.map(([domain, n]) => `| ${escapeMarkdown(t.domain[domain] ?? domain)} | ${n} |`)] : [];
  const perFramework = /* @__PURE__ */ new Map();
  for (const finding of report.findings) {
    if (finding.waiver) continue;
    for (const framework of new Set(finding.references.map((r) => r.framework))) perFramework.set(framework, (perFramework.get(framework) ?? 0) + 1);
  }
  const frameworkCounts = [...perFramework].sort(([a, n], [b, m]) => m - n || compare(a, b));
  const frameworks = frameworkCounts.length ? [`| ${t.md.framework} | ${t.md.findings} |`, "|---|---:|", ...frameworkCounts.map(([framework, n]) => `| ${escapeMarkdown(framework)} | ${n} |`)] : [];
  const sorted = [...report.findings].sort(compareFindings);
  const rows = sorted.map((finding) => row(finding, t));
  const counts = [];
  if (report.skipped.length) {
    const reasons = /* @__PURE__ */ new Map();
    for (const skipped of report.skipped) reasons.set(skipped.reason, (reasons.get(skipped.reason) ?? 0) + 1);
    const detail = [...reasons].sort(([a], [b]) => compare(a, b)).map(([reason, n]) => t.labelled(escapeMarkdown(t.skipReason[reason] ?? reason), String(n)));
    counts.push(`${t.skippedCount(report.skipped.length)} (${detail.join(", ")})`);
  }
  if (report.errors.length) counts.push(t.errorCount(report.errors.length));
  if (report.truncated?.length) counts.push(t.md.truncatedRules(report.truncated.reduce((sum, r) => sum + r.omitted, 0), report.truncated.length));
  const commit = report.target.commit ? escapeMarkdown(report.target.commit.slice(0, 12)) : void 0;
  const footer = `<sub>${t.md.footer(escapeMarkdown(report.tool.version), escapeMarkdown(report.ruleset.digest.replace(/^sha256:/, "").slice(0, 12)), commit)}</sub>`;
  return {
    t,
    head: [MARKDOWN_MARKER, `### ${verdict}`, summary.join(" · ")],
    severities,
    domains,
    frameworks,
    rows,
    tableHead: [`| ${t.md.severity} | ${t.md.rule} | ${t.md.location} | ${t.md.message} |`, "|---|---|---|---|"],
    noFindings: report.findings.length === 0,
    counts,
    footer
  };
}
function compose(parts, kept, level) {
  const { t } = parts;
  const blocks = [parts.head.join("\n\n"), parts.severities.join("\n")];
  if (level < 2 && parts.domains.length) blocks.push(parts.domains.join("\n"));
  if (level < 1 && parts.frameworks.length) blocks.push(parts.frameworks.join("\n"));
  if (parts.noFindings) {
    blocks.push(t.noFindings);
  } else {
    const top = parts.rows.slice(0, Math.min(kept, TOP_ROWS));
    const rest = parts.rows.slice(top.length, kept);
    if (top.length) blocks.push(`#### ${t.md.topFindings}`, [...parts.tableHead, ...top].join("\n"));
    if (rest.length) {
      blocks.push(`<details>
<summary>${t.md.moreFindings(rest.length)}</summary>

${[...parts.tableHead, ...rest].join("\n")}

</details>`);
    }
    const omitted = parts.rows.length - kept;
    if (omitted > 0) blocks.push(`> ${t.md.omitted(omitted)}`);
  }
  if (parts.counts.length) blocks.push(parts.counts.join(" · "));
  blocks.push(parts.footer);
  return `${blocks.join("\n\n")}
`;
}
function row(finding, t) {
  const severity = finding.waiver ? t.md.waivedSeverity(t.severity[finding.severity] ?? finding.severity) : `**${t.severity[finding.severity] ?? escapeMarkdown(finding.severity)}**`;
  const rule = /^[a-z0-9][a-z0-9.-]*$/.test(finding.ruleId) ? `\`${finding.ruleId}\`` : escapeMarkdown(finding.ruleId);
  const location = finding.file ? escapeMarkdown(`${finding.file}${finding.line !== void 0 ? `:${finding.line}` : ""}`) : t.repositoryLevel;
  return `| ${severity} | ${rule} | ${location} | ${escapeMarkdown(shorten(finding.message))} |`;
}
function compareFindings(a, b) {
  return Number(Boolean(a.waiver)) - Number(Boolean(b.waiver)) || rank(b.severity) - rank(a.severity) || compare(a.file ?? "", b.file ?? "") || (a.line ?? 0) - (b.line ?? 0) || compare(a.ruleId, b.ruleId) || compare(a.fingerprint, b.fingerprint);
}
function rank(severity) {
  return SEVERITIES.includes(severity) ? severityRank(severity) : 0;
}
function shorten(text) {
  const chars = Array.from(text);
  return chars.length > MAX_MESSAGE ? `${chars.slice(0, MAX_MESSAGE - 1).join("")}…` : text;
}
function compare(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

export {
  MARKDOWN_MARKER,
  DEFAULT_MAX_LENGTH,
  TOP_ROWS,
  escapeMarkdown,
  renderMarkdown
};
