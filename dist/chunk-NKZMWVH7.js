import { createRequire as __cadreCreateRequire } from 'node:module';
const require = __cadreCreateRequire(import.meta.url);
import {
  DOMAINS
} from "./chunk-XADHSC5L.js";
import {
  messages,
  neutralize,
  oneLine
} from "./chunk-55H6FO74.js";
import "./chunk-CBBNNE4E.js";

// src/render/junit.ts
import { createHash } from "node:crypto";
var ILLEGAL_XML = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;
var ENTITIES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };
function xmlText(text) {
  return neutralize(text).replace(ILLEGAL_XML, "").replace(/[&<>"']/g, (c) => ENTITIES[c]);
}
function xmlAttr(text) {
  return xmlText(oneLine(text).replace(/\t/g, " "));
}
var renderJunit = (report) => {
  const t = messages(report.lang);
  const rules = [...report.rules].sort((a, b) => compare(a.id, b.id));
  const ruleById = new Map(rules.map((rule) => [rule.id, rule]));
  const byRule = /* @__PURE__ */ new Map();
  for (const finding of report.findings) byRule.set(finding.ruleId, [...byRule.get(finding.ruleId) ?? [], finding]);
  const suites = [];
  for (const domain of DOMAINS) {
    const cases = [];
    for (const rule of rules.filter((r) => r.domain === domain)) {
      const findings = byRule.get(rule.id) ?? [];
      if (findings.length === 0) cases.push({ classname: rule.id, name: rule.title || rule.id });
      for (const finding of findings) cases.push(findingCase(finding, rule, t));
    }
    const orphans = [...byRule.keys()].filter((id) => !ruleById.has(id)).sort(compare);
    for (const id of orphans) {
      for (const finding of byRule.get(id) ?? []) if (finding.domain === domain) cases.push(findingCase(finding, void 0, t));
    }
    if (cases.length > 0) suites.push({ name: domain, cases });
  }
  const scan = scanSuite(report, t);
  if (scan) suites.push(scan);
  const used = /* @__PURE__ */ new Set();
  for (const suite of suites) {
    for (const testcase of suite.cases) {
      const base = testcase.name;
      const key = () => `${testcase.classname}\0${testcase.name}`;
      for (let n = 2; used.has(key()); n++) testcase.name = `${base} (${n})`;
      used.add(key());
    }
  }
  const count = (cases, kind) => cases.filter((c) => c.outcome?.kind === kind).length;
  const all = suites.flatMap((s) => s.cases);
  const timestamp = report.startedAt.slice(0, 19);
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  out.push(
    `<testsuites name="cadre" tests="${all.length}" failures="${count(all, "failure")}" errors="${count(all, "error")}" skipped="${count(all, "skipped")}" time="${(report.durationMs / 1e3).toFixed(3)}">`
  );
  for (const suite of suites) {
    out.push(
      `  <testsuite name="${xmlAttr(suite.name)}" tests="${suite.cases.length}" failures="${count(suite.cases, "failure")}" errors="${count(suite.cases, "error")}" skipped="${count(suite.cases, "skipped")}" time="0" timestamp="${xmlAttr(timestamp)}">`
    );
    for (const testcase of suite.cases) out.push(...renderCase(testcase));
    if (suite.systemOut?.length) out.push(`    <system-out>${suite.systemOut.map(xmlText).join("\n")}</system-out>`);
    out.push("  </testsuite>");
  }
  out.push("</testsuites>");
  return `${out.join("\n")}
`;
};
function findingCase(finding, rule, t) {
  const where = `${finding.file || "."}${finding.line !== void 0 ? `:${finding.line}` : ""}`;
  const testcase = { classname: finding.ruleId, name: `${where} #${finding.fingerprint.slice(0, 8)}` };
  if (finding.file) testcase.file = finding.file;
  if (finding.waiver) {
    testcase.outcome = { kind: "skipped", message: t.waivedFinding(finding.waiver.justification, finding.waiver.location) };
    return testcase;
  }
  const body = [finding.message];
  body.push(
    finding.file ? oneLine(`${finding.file}${finding.line !== void 0 ? `:${finding.line}${finding.column ? `:${finding.column}` : ""}` : ""}`) : `. (${t.repositoryFinding})`
  );
  if (finding.snippet) body.push("", finding.snippet);
  if (rule?.remediation) body.push("", t.labelled(t.remediation, rule.remediation));
  if (finding.references.length > 0) {
    body.push("", t.labelled(t.references, "").trimEnd());
    for (const ref of finding.references) body.push(`- ${ref.framework} ${ref.criterion}${ref.url ? ` ${ref.url}` : ""}`);
  }
  testcase.outcome = { kind: "failure", message: finding.message, type: finding.severity, body: body.join("\n") };
  return testcase;
}
function scanSuite(report, t) {
  const cases = report.errors.map((error) => errorCase(error));
  const systemOut = [];
  if (report.skipped.length > 0) {
    systemOut.push(`${t.skippedTitle} (${report.skipped.length})`);
    for (const skipped of report.skipped) {
      systemOut.push(`- ${oneLine(skipped.file)} — ${t.skipReason[skipped.reason] ?? skipped.reason}${skipped.detail ? ` (${oneLine(skipped.detail)})` : ""}`);
    }
  }
  for (const truncated of report.truncated ?? []) systemOut.push(`${truncated.ruleId}: ${t.md.truncatedRules(truncated.omitted, 1)}`);
  if (cases.length === 0 && systemOut.length === 0) return void 0;
  return { name: "scan", cases, systemOut };
}
function errorCase(error) {
  const where = `${error.file || "."}${error.line !== void 0 ? `:${error.line}` : ""}`;
  const hash = createHash("sha256").update(`${error.ruleId ?? ""}\0${where}\0${error.message}`).digest("hex").slice(0, 8);
  return {
    classname: error.ruleId ? `cadre.scan.${error.ruleId}` : "cadre.scan",
    name: `${where} #${hash}`,
    ...error.file ? { file: error.file } : {},
    outcome: { kind: "error", message: error.message, type: "scan-error", body: `${oneLine(where)}
${error.message}` }
  };
}
function renderCase(testcase) {
  const attrs = `classname="${xmlAttr(testcase.classname)}" name="${xmlAttr(testcase.name)}"${testcase.file ? ` file="${xmlAttr(testcase.file)}"` : ""} time="0"`;
  const outcome = testcase.outcome;
  if (!outcome) return [`    <testcase ${attrs}/>`];
  const type = outcome.type ? ` type="${xmlAttr(outcome.type)}"` : "";
  const element = outcome.body === void 0 ? `<${outcome.kind} message="${xmlAttr(outcome.message)}"${type}/>` : `<${outcome.kind} message="${xmlAttr(outcome.message)}"${type}>${xmlText(outcome.body)}</${outcome.kind}>`;
  return [`    <testcase ${attrs}>`, `      ${element}`, "    </testcase>"];
}
function compare(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
export {
  renderJunit,
  xmlAttr,
  xmlText
};
