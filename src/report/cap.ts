// Findings kept per rule (maxFindingsPerRule): the first ones in report order, the rest counted.
// Findings are added as files are done, and each rule's list is cut back whenever it doubles, so
// memory stays bounded by the cap whatever the number of findings a repository produces.

import type { Finding } from '../model/types.js';
import { compare, compareFindings } from './build.js';

export class FindingCap {
  private readonly perRule = new Map<string, { kept: Finding[]; omitted: number }>();

  constructor(private readonly max: number) {}

  add(findings: Iterable<Finding>): void {
    for (const finding of findings) {
      let entry = this.perRule.get(finding.ruleId);
      if (!entry) this.perRule.set(finding.ruleId, (entry = { kept: [], omitted: 0 }));
      entry.kept.push(finding);
      if (entry.kept.length >= 2 * this.max) this.cut(entry);
    }
  }

  /** Findings of rules already capped elsewhere (a repository outcome capped when it was computed): counted as left out. */
  addOmitted(truncated: { ruleId: string; omitted: number }[]): void {
    for (const { ruleId, omitted } of truncated) {
      let entry = this.perRule.get(ruleId);
      if (!entry) this.perRule.set(ruleId, (entry = { kept: [], omitted: 0 }));
      entry.omitted += omitted;
    }
  }

  result(): { findings: Finding[]; truncated: { ruleId: string; omitted: number }[] } {
    const findings: Finding[] = [];
    const truncated: { ruleId: string; omitted: number }[] = [];
    for (const [ruleId, entry] of this.perRule) {
      if (entry.kept.length > this.max) this.cut(entry);
      for (const finding of entry.kept) findings.push(finding);
      if (entry.omitted > 0) truncated.push({ ruleId, omitted: entry.omitted });
    }
    return { findings, truncated: truncated.sort((a, b) => compare(a.ruleId, b.ruleId)) };
  }

  private cut(entry: { kept: Finding[]; omitted: number }): void {
    entry.kept.sort(compareFindings);
    entry.omitted += Math.max(0, entry.kept.length - this.max);
    entry.kept.length = Math.min(entry.kept.length, this.max);
  }
}
