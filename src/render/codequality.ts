// GitLab Code Quality (artifacts:reports:codequality): one JSON array of Code Climate issues, no
// byte-order mark. GitLab reads description, check_name, fingerprint, severity, location.path and
// location.lines.begin; the other Code Climate fields (type, categories, engine_name) are written
// for other readers of the format and ignored by GitLab.
//
// Mapping decisions:
// - severity: cadre critical → blocker, high → critical, medium → major, low → minor, info → info.
//   Every cadre level keeps its own Code Quality level, and the order is preserved.
// - fingerprint: the finding's own fingerprint (unique per rule, file, key and occurrence), so the
//   MR widget, SARIF and the JSON report share one identity per finding. Should a report carry the
//   same fingerprint twice (a hand-made or merged report), the repeat gets a derived hash: GitLab
//   would otherwise collapse the two into one entry.
// - location: findings without a line point at line 1. Repository-level findings (no file: a
//   missing LICENSE, a missing HorizontalPodAutoscaler) point at ".", the root of the checkout, as
//   in SARIF, and their description says "repository-level finding" in the report's language.
// - waived findings (accepted risks) stay in the file, so the widget does not report them as
//   "resolved", but as `info` with the waiver in the description: they no longer block.
// - categories (Code Climate's fixed list): security, secrets, platform and gdpr → Security
//   (exposure of systems or personal data); accessibility → Compatibility (works with assistive
//   technologies); ecodesign → Performance; sovereignty → Bug Risk (legal and operational risk of a
//   dependency); hygiene → Clarity.

import { createHash } from 'node:crypto';
import type { Domain, Finding, Severity } from '../model/types.js';
import { messages } from '../i18n/messages.js';
import type { Renderer } from './renderer.js';
import { oneLine } from './sanitize.js';

export type CodeQualitySeverity = 'info' | 'minor' | 'major' | 'critical' | 'blocker';

export const CODE_QUALITY_SEVERITY: Record<Severity, CodeQualitySeverity> = {
  critical: 'blocker',
  high: 'critical',
  medium: 'major',
  low: 'minor',
  info: 'info',
};

export const CODE_QUALITY_CATEGORY: Record<Domain, string> = {
  security: 'Security',
  secrets: 'Security',
  platform: 'Security',
  gdpr: 'Security',
  accessibility: 'Compatibility',
  ecodesign: 'Performance',
  sovereignty: 'Bug Risk',
  hygiene: 'Clarity',
};

/** Where repository-level findings point: the root of the checkout (as in SARIF). */
export const REPOSITORY_PATH = '.';

export interface CodeQualityIssue {
  type: 'issue';
  engine_name: 'cadre';
  check_name: string;
  description: string;
  categories: string[];
  severity: CodeQualitySeverity;
  fingerprint: string;
  location: { path: string; lines: { begin: number; end?: number } };
}

export const renderCodeQuality: Renderer = (report) => {
  const t = messages(report.lang);
  const seen = new Set<string>();
  const issues = report.findings.map((finding) => {
    let fingerprint = finding.fingerprint;
    for (let n = 2; seen.has(fingerprint); n++) {
      fingerprint = createHash('sha256').update(`${finding.fingerprint}:${n}`).digest('hex').slice(0, 32);
    }
    seen.add(fingerprint);
    return issue(finding, fingerprint, t);
  });
  // JSON.stringify never writes a byte-order mark; the file starts with "[".
  return `${JSON.stringify(issues, null, 2)}\n`;
};

function issue(finding: Finding, fingerprint: string, t: ReturnType<typeof messages>): CodeQualityIssue {
  const begin = finding.line !== undefined && finding.line >= 1 ? finding.line : 1;
  const lines: CodeQualityIssue['location']['lines'] = { begin };
  if (finding.line !== undefined && finding.endLine !== undefined && finding.endLine > begin) lines.end = finding.endLine;
  let description = oneLine(finding.message);
  if (!finding.file) description += ` (${t.repositoryFinding})`;
  if (finding.waiver) description += ` — ${oneLine(t.waivedFinding(finding.waiver.justification, finding.waiver.location))}`;
  return {
    type: 'issue',
    engine_name: 'cadre',
    check_name: finding.ruleId,
    description,
    categories: [CODE_QUALITY_CATEGORY[finding.domain] ?? 'Bug Risk'],
    severity: finding.waiver ? 'info' : (CODE_QUALITY_SEVERITY[finding.severity] ?? 'info'),
    fingerprint,
    // The path is written as the file is named (JSON escapes it): GitLab links it to the blob.
    location: { path: finding.file || REPOSITORY_PATH, lines },
  };
}
