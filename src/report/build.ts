// The canonical report: everything a renderer, a gate or an auditor needs, in one
// JSON document whose shape is schemas/report.schema.json.

import { createHash } from 'node:crypto';
import {
  SEVERITIES,
  type Finding,
  type Lang,
  type Report,
  type Rule,
  type RuleSummary,
  type ScanError,
  type SeverityCounts,
  type SkippedFile,
  type WaiverRecord,
} from '../model/types.js';
import { computeScores } from './scores.js';

export const REPORT_SCHEMA_URL = 'https://cadre.numerique.gouv.fr/schemas/report.schema.json';

export interface ReportInput {
  version: string;
  rules: Rule[];
  profile?: string;
  targetPath: string;
  commit?: string;
  lang: Lang;
  startedAt: Date;
  durationMs: number;
  files: number;
  findings: Finding[];
  skipped: SkippedFile[];
  errors: ScanError[];
  waivers: WaiverRecord[];
  baseline?: Report['baseline'];
  truncated?: { ruleId: string; omitted: number }[];
  shard?: { index: number; total: number };
}

export function buildReport(input: ReportInput): Report {
  const findings = [...input.findings].sort(compareFindings);
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
  return {
    $schema: REPORT_SCHEMA_URL,
    reportVersion: '1',
    tool: { name: 'cadre', version: input.version },
    ruleset: { digest: rulesetDigest(input.rules), rules: input.rules.length, ...(input.profile ? { profile: input.profile } : {}) },
    target: { path: input.targetPath, ...(input.commit ? { commit: input.commit } : {}) },
    lang: input.lang,
    startedAt: input.startedAt.toISOString(),
    durationMs: Math.round(input.durationMs),
    summary: { files: input.files, findings: findings.length - waived, waived, bySeverity, byDomain: sortKeys(byDomain) },
    scores: computeScores(input.rules, findings),
    waivers: sortWaivers(input.waivers),
    ...(input.baseline ? { baseline: input.baseline } : {}),
    ...(input.truncated?.length ? { truncated: input.truncated } : {}),
    ...(input.shard && input.shard.total > 1 ? { shard: input.shard } : {}),
    rules: input.rules.map((rule) => summarizeRule(rule, input.lang)).sort((a, b) => compare(a.id, b.id)),
    findings,
    skipped: sortSkipped(input.skipped),
    errors: sortErrors(input.errors),
  };
}

function summarizeRule(rule: Rule, lang: Lang): RuleSummary {
  return {
    id: rule.id,
    domain: rule.domain,
    severity: rule.severity,
    title: rule.title[lang],
    description: rule.message[lang].replace(/\{\{\s*\w+\s*\}\}/g, '…'),
    remediation: rule.remediation[lang],
    references: rule.references,
    tags: rule.tags ?? [],
    ...(rule.references.find((r) => r.url)?.url ? { helpUri: rule.references.find((r) => r.url)!.url } : {}),
  };
}

/** Digest of the rules' content (not of where they were loaded from), in id order. */
export function rulesetDigest(rules: Rule[]): string {
  const canonical = [...rules]
    .sort((a, b) => compare(a.id, b.id))
    .map(({ source: _source, ...rule }) => canonicalJson(rule))
    .join('\n');
  return `sha256:${createHash('sha256').update(canonical).digest('hex')}`;
}

/** JSON with object keys sorted at every level: the same data always gives the same bytes. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    compare(a.file ?? '', b.file ?? '') ||
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.column ?? 0) - (b.column ?? 0) ||
    compare(a.ruleId, b.ruleId) ||
    compare(a.fingerprint, b.fingerprint)
  );
}

export const sortWaivers = (waivers: WaiverRecord[]) => [...waivers].sort((a, b) => compare(a.location, b.location) || compare(a.rule, b.rule));
export const sortSkipped = (skipped: SkippedFile[]) => [...skipped].sort((a, b) => compare(a.file, b.file));
export const sortErrors = (errors: ScanError[]) =>
  [...errors].sort((a, b) => compare(a.file ?? '', b.file ?? '') || (a.line ?? 0) - (b.line ?? 0) || compare(a.message, b.message));

export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => compare(a, b)));
}
