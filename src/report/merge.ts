// Joining the reports of a sharded scan into the report an unsharded scan would have given.
// Reports from another commit, rule set, tool version or language are refused, as are
// incomplete or repeated shards.

import { SEVERITIES, type Report, type SeverityCounts, type WaiverRecord } from '../model/types.js';
import { canonicalJson, compare, compareFindings, sortErrors, sortSkipped, sortWaivers } from './build.js';
import { computeScores } from './scores.js';

export class MergeError extends Error {}

export function mergeReports(reports: Report[]): Report {
  if (reports.length === 0) throw new MergeError('nothing to merge');
  const [first] = reports;
  const same = (label: string, value: (r: Report) => unknown) => {
    const expected = canonicalJson(value(first));
    reports.forEach((report, i) => {
      if (canonicalJson(value(report)) !== expected) {
        throw new MergeError(`report ${i + 1} has another ${label} (${canonicalJson(value(report))} ≠ ${expected})`);
      }
    });
  };
  same('commit', (r) => r.target.commit ?? null);
  same('rule set', (r) => r.ruleset);
  same('tool version', (r) => r.tool.version);
  same('language', (r) => r.lang);
  same('target', (r) => r.target.path);
  const total = first.shard?.total ?? 1;
  same('number of shards', (r) => r.shard?.total ?? 1);
  const indexes = reports.map((r) => r.shard?.index ?? 1).sort((a, b) => a - b);
  const expected = Array.from({ length: total }, (_, i) => i + 1);
  if (canonicalJson(indexes) !== canonicalJson(expected)) {
    throw new MergeError(`shards ${indexes.join(', ')} given, ${expected.join(', ')} expected`);
  }

  const findings = reports.flatMap((r) => r.findings).sort(compareFindings);
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as SeverityCounts;
  const byDomain: Record<string, number> = {};
  let waived = 0;
  for (const finding of findings) {
    if (finding.waiver) {
      waived++;
      continue;
    }
    bySeverity[finding.severity]++;
    byDomain[finding.domain] = (byDomain[finding.domain] ?? 0) + 1;
  }
  const byKey = <T>(items: T[], key: (item: T) => string) => [...new Map(items.map((item) => [key(item), item])).values()];
  // A shard's signature covers that shard only: the merged report is signed afresh, if at all.
  const { shard: _shard, baseline: _baseline, truncated: _truncated, signature: _signature, ...base } = first;
  const merged: Report = {
    ...base,
    startedAt: reports.map((r) => r.startedAt).sort()[0],
    durationMs: Math.max(...reports.map((r) => r.durationMs)),
    summary: {
      files: reports.reduce((sum, r) => sum + r.summary.files, 0),
      findings: findings.length - waived,
      waived,
      bySeverity,
      byDomain: Object.fromEntries(Object.entries(byDomain).sort(([a], [b]) => compare(a, b))),
    },
    scores: computeScores(first.rules, findings),
    findings,
    waivers: mergeWaivers(reports.flatMap((r) => r.waivers)),
    skipped: sortSkipped(reports.flatMap((r) => r.skipped)),
    errors: sortErrors(byKey(reports.flatMap((r) => r.errors), (e) => canonicalJson(e))),
  };
  if (reports.some((r) => r.baseline)) {
    const unchanged = reports.reduce((sum, r) => sum + (r.baseline?.unchanged ?? 0), 0);
    const known = first.baseline?.findings ?? 0;
    merged.baseline = { findings: known, unchanged, fixed: known - unchanged, new: reports.reduce((sum, r) => sum + (r.baseline?.new ?? 0), 0) };
  }
  const truncated = reports.flatMap((r) => r.truncated ?? []);
  if (truncated.length) {
    const omitted = new Map<string, number>();
    for (const t of truncated) omitted.set(t.ruleId, (omitted.get(t.ruleId) ?? 0) + t.omitted);
    merged.truncated = [...omitted].map(([ruleId, n]) => ({ ruleId, omitted: n })).sort((a, b) => compare(a.ruleId, b.ruleId));
  }
  return merged;
}

/** Each shard judged the waivers on its own files: a waiver is stale only if stale everywhere. */
function mergeWaivers(records: WaiverRecord[]): WaiverRecord[] {
  const merged = new Map<string, WaiverRecord>();
  for (const record of records) {
    const key = `${record.source}\u0000${record.location}\u0000${record.rule}`;
    const previous = merged.get(key);
    if (!previous) {
      merged.set(key, { ...record });
      continue;
    }
    previous.matched += record.matched;
    if (previous.status === 'stale' && record.status === 'active') {
      previous.status = 'active';
      delete previous.detail;
    }
  }
  return sortWaivers([...merged.values()]);
}
