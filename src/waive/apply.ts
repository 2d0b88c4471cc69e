// The waive stage: findings covered by a waiver (file or inline) are marked with who accepted
// them and why, and stop counting for the gate. Expired, stale, refused (the rule forbids
// waivers) and invalid waivers waive nothing and are listed in the report with the reason.

import type { Finding, Rule, WaiverRecord } from '../model/types.js';
import { globMatcher } from '../discover/walk.js';
import type { InlineSuppression } from './inline.js';
import type { Waiver } from './waiver-file.js';

export interface WaiveInput {
  findings: Finding[];
  waivers: Waiver[];
  suppressions: InlineSuppression[];
  rules: Rule[];
  /** Today, as YYYY-MM-DD: a waiver applies up to and including its expiry date. */
  today: string;
}

export function applyWaivers(input: WaiveInput): { findings: Finding[]; records: WaiverRecord[] } {
  const waivable = new Map(input.rules.map((rule) => [rule.id, rule.waivable !== false]));
  const records: WaiverRecord[] = [];
  const findings = input.findings.map((finding) => ({ ...finding }));

  for (const waiver of input.waivers) {
    const matchers = (waiver.paths ?? []).map((p) => globMatcher(p, { anchored: true }));
    const covered = findings.filter(
      (f) =>
        f.ruleId === waiver.rule &&
        (waiver.fingerprint === undefined || f.fingerprint === waiver.fingerprint) &&
        (matchers.length === 0 || (f.file !== undefined && matchers.some((match) => match(f.file!)))),
    );
    const record: WaiverRecord = {
      source: 'file',
      location: waiver.location,
      rule: waiver.rule,
      ...(waiver.paths ? { paths: waiver.paths } : {}),
      ...(waiver.fingerprint ? { fingerprint: waiver.fingerprint } : {}),
      justification: waiver.justification,
      author: waiver.author,
      ...(waiver.approver ? { approver: waiver.approver } : {}),
      ...(waiver.ticket ? { ticket: waiver.ticket } : {}),
      created: waiver.created,
      expires: waiver.expires,
      status: 'active',
      matched: covered.length,
    };
    if (!waivable.has(waiver.rule)) Object.assign(record, { status: 'invalid', detail: 'unknown rule' });
    else if (waiver.expires < input.today) Object.assign(record, { status: 'expired', detail: `expired on ${waiver.expires}` });
    else if (!waivable.get(waiver.rule)) Object.assign(record, { status: 'refused', detail: 'this rule cannot be waived: the risk must be fixed' });
    else if (waiver.created > waiver.expires) Object.assign(record, { status: 'invalid', detail: 'created after it expires' });
    else if (covered.length === 0) Object.assign(record, { status: 'stale', detail: 'matches no finding' });
    if (record.status === 'active') {
      for (const finding of covered) {
        finding.waiver ??= {
          source: 'file',
          location: waiver.location,
          justification: waiver.justification,
          author: waiver.author,
          ...(waiver.approver ? { approver: waiver.approver } : {}),
          expires: waiver.expires,
        };
      }
    }
    records.push(record);
  }

  for (const suppression of input.suppressions) {
    for (const rule of suppression.rules) {
      const covered = findings.filter(
        (f) => f.ruleId === rule && f.file === suppression.file && f.line !== undefined && (f.line === suppression.line || f.line === suppression.line + 1),
      );
      const location = `${suppression.file}:${suppression.line}`;
      const record: WaiverRecord = { source: 'inline', location, rule, justification: suppression.reason, status: 'active', matched: covered.length };
      if (!waivable.has(rule)) Object.assign(record, { status: 'invalid', detail: 'unknown rule' });
      else if (suppression.reason.length === 0) Object.assign(record, { status: 'invalid', detail: 'a reason is required: cadre-ignore <rule-id>: <reason>' });
      else if (!waivable.get(rule)) Object.assign(record, { status: 'refused', detail: 'this rule cannot be waived: the risk must be fixed' });
      else if (covered.length === 0) Object.assign(record, { status: 'stale', detail: 'matches no finding' });
      if (record.status === 'active') {
        for (const finding of covered) finding.waiver ??= { source: 'inline', location, justification: suppression.reason };
      }
      records.push(record);
    }
  }
  return { findings, records };
}
