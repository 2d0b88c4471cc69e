// Framework and domain scores: of the criteria cadre checks automatically, how many pass,
// fail or are only waived in this scan. A criterion fails when a rule that enforces it has a
// finding that counts; it is waived when its only findings are waived.

import type { Finding, Rule, Scores, ScoreLine } from '../model/types.js';

type Status = 'passed' | 'failed' | 'waived';

function statusOf(ruleIds: string[], active: Set<string>, waived: Set<string>): Status {
  if (ruleIds.some((id) => active.has(id))) return 'failed';
  if (ruleIds.some((id) => waived.has(id))) return 'waived';
  return 'passed';
}

function tally(statuses: Status[]): ScoreLine {
  return {
    passed: statuses.filter((s) => s === 'passed').length,
    failed: statuses.filter((s) => s === 'failed').length,
    waived: statuses.filter((s) => s === 'waived').length,
  };
}

export function computeScores(rules: Pick<Rule, 'id' | 'domain' | 'references'>[], findings: Finding[]): Scores {
  const active = new Set(findings.filter((f) => !f.waiver).map((f) => f.ruleId));
  const waived = new Set(findings.filter((f) => f.waiver).map((f) => f.ruleId));

  const criteria = new Map<string, Map<string, string[]>>();
  for (const rule of rules) {
    for (const reference of rule.references) {
      const byCriterion = criteria.get(reference.framework) ?? new Map<string, string[]>();
      byCriterion.set(reference.criterion, [...(byCriterion.get(reference.criterion) ?? []), rule.id]);
      criteria.set(reference.framework, byCriterion);
    }
  }
  const frameworks = [...criteria.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([framework, byCriterion]) => {
      const scored = [...byCriterion.entries()]
        .sort(([a], [b]) => a.localeCompare(b, undefined, { numeric: true }))
        .map(([criterion, ruleIds]) => ({ criterion, status: statusOf(ruleIds, active, waived), rules: [...ruleIds].sort() }));
      return { framework, ...tally(scored.map((c) => c.status)), criteria: scored };
    });

  const byDomain = new Map<Rule['domain'], string[]>();
  for (const rule of rules) byDomain.set(rule.domain, [...(byDomain.get(rule.domain) ?? []), rule.id]);
  const domains = [...byDomain.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([domain, ids]) => ({ domain, rules: ids.length, ...tally(ids.map((id) => statusOf([id], active, waived))) }));
  return { frameworks, domains };
}
