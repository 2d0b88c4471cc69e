import { createRequire as __cadreCreateRequire } from 'node:module';
const require = __cadreCreateRequire(import.meta.url);
import {
  canonicalJson,
  compare,
  compareFindings,
  computeScores,
  sortErrors,
  sortSkipped,
  sortWaivers
} from "./chunk-PA7B4RGX.js";
import {
  SEVERITIES
} from "./chunk-XADHSC5L.js";

// src/report/merge.ts
var MergeError = class extends Error {
};
function mergeReports(reports) {
  if (reports.length === 0) throw new MergeError("nothing to merge");
  const [first] = reports;
  const same = (label, value) => {
    const expected2 = canonicalJson(value(first));
    reports.forEach((report, i) => {
      if (canonicalJson(value(report)) !== expected2) {
        throw new MergeError(`report ${i + 1} has another ${label} (${canonicalJson(value(report))} ≠ ${expected2})`);
      }
    });
  };
  same("commit", (r) => r.target.commit ?? null);
  same("rule set", (r) => r.ruleset);
  same("tool version", (r) => r.tool.version);
  same("language", (r) => r.lang);
  same("target", (r) => r.target.path);
  const total = first.shard?.total ?? 1;
  same("number of shards", (r) => r.shard?.total ?? 1);
  const indexes = reports.map((r) => r.shard?.index ?? 1).sort((a, b) => a - b);
  const expected = Array.from({ length: total }, (_, i) => i + 1);
  if (canonicalJson(indexes) !== canonicalJson(expected)) {
    throw new MergeError(`shards ${indexes.join(", ")} given, ${expected.join(", ")} expected`);
  }
  const findings = reports.flatMap((r) => r.findings).sort(compareFindings);
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0]));
  const byDomain = {};
  let waived = 0;
  for (const finding of findings) {
    if (finding.waiver) {
      waived++;
      continue;
    }
    bySeverity[finding.severity]++;
    byDomain[finding.domain] = (byDomain[finding.domain] ?? 0) + 1;
  }
  const byKey = (items, key) => [...new Map(items.map((item) => [key(item), item])).values()];
  const { shard: _shard, baseline: _baseline, truncated: _truncated, signature: _signature, ...base } = first;
  const merged = {
    ...base,
    startedAt: reports.map((r) => r.startedAt).sort()[0],
    durationMs: Math.max(...reports.map((r) => r.durationMs)),
    summary: {
      files: reports.reduce((sum, r) => sum + r.summary.files, 0),
      findings: findings.length - waived,
      waived,
      bySeverity,
      byDomain: Object.fromEntries(Object.entries(byDomain).sort(([a], [b]) => compare(a, b)))
    },
    scores: computeScores(first.rules, findings),
    findings,
    waivers: mergeWaivers(reports.flatMap((r) => r.waivers)),
    skipped: sortSkipped(reports.flatMap((r) => r.skipped)),
    errors: sortErrors(byKey(reports.flatMap((r) => r.errors), (e) => canonicalJson(e)))
  };
  if (reports.some((r) => r.baseline)) {
    const unchanged = reports.reduce((sum, r) => sum + (r.baseline?.unchanged ?? 0), 0);
    const known = first.baseline?.findings ?? 0;
    merged.baseline = { findings: known, unchanged, fixed: known - unchanged, new: reports.reduce((sum, r) => sum + (r.baseline?.new ?? 0), 0) };
  }
  const truncated = reports.flatMap((r) => r.truncated ?? []);
  if (truncated.length) {
    const omitted = /* @__PURE__ */ new Map();
    for (const t of truncated) omitted.set(t.ruleId, (omitted.get(t.ruleId) ?? 0) + t.omitted);
    merged.truncated = [...omitted].map(([ruleId, n]) => ({ ruleId, omitted: n })).sort((a, b) => compare(a.ruleId, b.ruleId));
  }
  return merged;
}
function mergeWaivers(records) {
  const merged = /* @__PURE__ */ new Map();
  for (const record of records) {
    const key = `${record.source}\0${record.location}\0${record.rule}`;
    const previous = merged.get(key);
    if (!previous) {
      merged.set(key, { ...record });
      continue;
    }
    previous.matched += record.matched;
    if (previous.status === "stale" && record.status === "active") {
      previous.status = "active";
      delete previous.detail;
    }
  }
  return sortWaivers([...merged.values()]);
}

export {
  MergeError,
  mergeReports
};
