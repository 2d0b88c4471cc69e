import { createRequire as __cadreCreateRequire } from 'node:module';
const require = __cadreCreateRequire(import.meta.url);
import {
  messages,
  oneLine
} from "./chunk-55H6FO74.js";
import "./chunk-CBBNNE4E.js";

// src/render/codequality.ts
import { createHash } from "node:crypto";
var CODE_QUALITY_SEVERITY = {
  critical: "blocker",
  high: "critical",
  medium: "major",
  low: "minor",
  info: "info"
};
var CODE_QUALITY_CATEGORY = {
  security: "Security",
  secrets: "Security",
  platform: "Security",
  gdpr: "Security",
  accessibility: "Compatibility",
  ecodesign: "Performance",
  sovereignty: "Bug Risk",
  hygiene: "Clarity"
};
var REPOSITORY_PATH = ".";
var renderCodeQuality = (report) => {
  const t = messages(report.lang);
  const seen = /* @__PURE__ */ new Set();
  const issues = report.findings.map((finding) => {
    let fingerprint = finding.fingerprint;
    for (let n = 2; seen.has(fingerprint); n++) {
      fingerprint = createHash("sha256").update(`${finding.fingerprint}:${n}`).digest("hex").slice(0, 32);
    }
    seen.add(fingerprint);
    return issue(finding, fingerprint, t);
  });
  return `${JSON.stringify(issues, null, 2)}
`;
};
function issue(finding, fingerprint, t) {
  const begin = finding.line !== void 0 && finding.line >= 1 ? finding.line : 1;
  const lines = { begin };
  if (finding.line !== void 0 && finding.endLine !== void 0 && finding.endLine > begin) lines.end = finding.endLine;
  let description = oneLine(finding.message);
  if (!finding.file) description += ` (${t.repositoryFinding})`;
  if (finding.waiver) description += ` — ${oneLine(t.waivedFinding(finding.waiver.justification, finding.waiver.location))}`;
  return {
    type: "issue",
    engine_name: "cadre",
    check_name: finding.ruleId,
    description,
    categories: [CODE_QUALITY_CATEGORY[finding.domain] ?? "Bug Risk"],
    severity: finding.waiver ? "info" : CODE_QUALITY_SEVERITY[finding.severity] ?? "info",
    fingerprint,
    // The path is written as the file is named (JSON escapes it): GitLab links it to the blob.
    location: { path: finding.file || REPOSITORY_PATH, lines }
  };
}
export {
  CODE_QUALITY_CATEGORY,
  CODE_QUALITY_SEVERITY,
  REPOSITORY_PATH,
  renderCodeQuality
};
