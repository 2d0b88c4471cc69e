import { createRequire as __cadreCreateRequire } from 'node:module';
const require = __cadreCreateRequire(import.meta.url);
import "./chunk-CBBNNE4E.js";

// src/render/sarif.ts
var SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
var LEVEL = {
  critical: "error",
  high: "error",
  medium: "warning",
  low: "note",
  info: "note"
};
var SECURITY_SEVERITY = {
  critical: "9.5",
  high: "8.0",
  medium: "5.5",
  low: "2.0",
  info: "0.0"
};
var MAX_DESCRIPTION = 1024;
var REPOSITORY_URI = ".";
var renderSarif = (report) => {
  const ruleIndex = new Map(report.rules.map((rule, index) => [rule.id, index]));
  const repositoryLevel = report.lang === "en" ? " (repository-level finding)" : " (constat au niveau du dépôt)";
  const sarif = {
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "cadre",
            version: report.tool.version,
            semanticVersion: report.tool.version,
            rules: report.rules.map(sarifRule)
          }
        },
        automationDetails: { id: "cadre/" },
        columnKind: "utf16CodeUnits",
        results: report.findings.map((finding) => sarifResult(finding, ruleIndex, repositoryLevel)),
        invocations: [
          {
            executionSuccessful: true,
            startTimeUtc: report.startedAt,
            toolExecutionNotifications: report.errors.map((error) => ({
              level: "warning",
              message: { text: error.message },
              ...error.file ? { locations: [{ physicalLocation: { artifactLocation: { uri: encodePath(error.file), uriBaseId: "%SRCROOT%" }, ...error.line ? { region: { startLine: error.line } } : {} } }] } : {}
            }))
          }
        ],
        properties: {
          rulesetDigest: report.ruleset.digest,
          ...report.target.commit ? { commit: report.target.commit } : {}
        }
      }
    ]
  };
  return `${JSON.stringify(sarif, null, 2)}
`;
};
function sarifRule(rule) {
  const references = rule.references.map((r) => `- ${r.framework} ${r.criterion}${r.url ? ` — ${r.url}` : ""}`).join("\n");
  const helpText = `${rule.remediation}

${references}`;
  const helpMarkdown = `${rule.remediation}

${rule.references.map((r) => `- ${r.url ? `[${r.framework} ${r.criterion}](${r.url})` : `${r.framework} ${r.criterion}`}`).join("\n")}`;
  const securityRule = rule.domain === "security" || rule.domain === "secrets" || rule.domain === "platform";
  return {
    id: rule.id,
    name: rule.id.split("-").map((part) => part.charAt(0).toUpperCase() + part.slice(1)).join(""),
    shortDescription: { text: truncate(rule.title) },
    fullDescription: { text: truncate(rule.description) },
    help: { text: helpText, markdown: helpMarkdown },
    ...rule.helpUri ? { helpUri: rule.helpUri } : {},
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: {
      tags: [.../* @__PURE__ */ new Set([rule.domain, ...securityRule ? ["security"] : [], ...rule.tags])].slice(0, 20),
      precision: "high",
      "problem.severity": rule.severity === "info" || rule.severity === "low" ? "recommendation" : LEVEL[rule.severity],
      ...securityRule ? { "security-severity": SECURITY_SEVERITY[rule.severity] } : {},
      references: rule.references
    }
  };
}
function sarifResult(finding, ruleIndex, repositoryLevel) {
  const region = { startLine: finding.line ?? 1 };
  if (finding.line !== void 0) {
    if (finding.column) region.startColumn = finding.column;
    if (finding.endLine) region.endLine = finding.endLine;
    if (finding.endColumn && finding.endColumn >= 1) region.endColumn = finding.endColumn;
    if (finding.snippet) region.snippet = { text: finding.snippet };
  }
  return {
    ruleId: finding.ruleId,
    ...ruleIndex.has(finding.ruleId) ? { ruleIndex: ruleIndex.get(finding.ruleId) } : {},
    level: LEVEL[finding.severity],
    message: { text: finding.file && finding.line !== void 0 ? finding.message : `${finding.message}${repositoryLevel}` },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: finding.file ? encodePath(finding.file) : REPOSITORY_URI, uriBaseId: "%SRCROOT%" },
          region
        }
      }
    ],
    partialFingerprints: { primaryLocationLineHash: finding.fingerprint },
    properties: { severity: finding.severity, domain: finding.domain }
  };
}
function encodePath(path) {
  return path.split("/").map(encodeURIComponent).join("/");
}
function truncate(text) {
  return text.length > MAX_DESCRIPTION ? `${text.slice(0, MAX_DESCRIPTION - 1)}…` : text;
}
export {
  SARIF_SCHEMA,
  renderSarif
};
