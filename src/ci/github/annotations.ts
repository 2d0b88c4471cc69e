// Which findings become annotations. GitHub keeps at most 10 error, 10 warning and 10 notice
// annotations per step (50 per job) and drops the rest without a word; so cadre chooses: highest
// severity first, within each level's budget, and one more notice says how many were left out and
// where they are. Budgets leave room for the adapter's own messages (the failure of the step is
// itself an error annotation).

import { posix } from 'node:path';
import type { Finding, Severity } from '../../model/types.js';
import { severityRank } from '../../gate/gate.js';
import { oneLine } from '../../render/sanitize.js';

export type AnnotationLevel = 'error' | 'warning' | 'notice';

export const ANNOTATIONS_PER_LEVEL = 10;

export const LEVEL_OF: Record<Severity, AnnotationLevel> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'notice',
  info: 'notice',
};

export interface Annotation {
  level: AnnotationLevel;
  message: string;
  title: string;
  file?: string;
  startLine?: number;
  endLine?: number;
  startColumn?: number;
  endColumn?: number;
}

export interface AnnotationPlan {
  annotations: Annotation[];
  /** Findings not annotated for lack of budget. */
  left: number;
}

export type Budget = Record<AnnotationLevel, number>;

/**
 * `findings`: what is gated (waived findings are skipped: they are accepted risks, listed in the
 * summary). `pathPrefix`: where the scanned folder sits in the workspace (annotation paths are
 * relative to the repository root). `used`: annotations the adapter emits itself.
 */
export function planAnnotations(findings: Finding[], pathPrefix: string, used: Budget): AnnotationPlan {
  const candidates = findings
    .filter((f) => !f.waiver)
    .sort(
      (a, b) =>
        severityRank(b.severity) - severityRank(a.severity) ||
        cmp(a.file ?? '', b.file ?? '') ||
        (a.line ?? 0) - (b.line ?? 0) ||
        cmp(a.ruleId, b.ruleId),
    );
  const count = (level: AnnotationLevel) => candidates.filter((f) => LEVEL_OF[f.severity] === level).length;
  const budget: Budget = {
    error: Math.max(0, ANNOTATIONS_PER_LEVEL - used.error),
    warning: Math.max(0, ANNOTATIONS_PER_LEVEL - used.warning),
    notice: Math.max(0, ANNOTATIONS_PER_LEVEL - used.notice),
  };
  const overflow = (['error', 'warning', 'notice'] as const).some((level) => count(level) > budget[level]);
  // The closing notice takes one notice slot.
  if (overflow) budget.notice = Math.max(0, budget.notice - 1);
  const annotations: Annotation[] = [];
  let left = 0;
  for (const finding of candidates) {
    const level = LEVEL_OF[finding.severity];
    if (budget[level] === 0) {
      left++;
      continue;
    }
    budget[level]--;
    annotations.push(toAnnotation(finding, level, pathPrefix));
  }
  return { annotations, left };
}

function toAnnotation(finding: Finding, level: AnnotationLevel, pathPrefix: string): Annotation {
  const annotation: Annotation = {
    level,
    title: oneLine(`cadre ${finding.severity}: ${finding.ruleId}`),
    message: oneLine(finding.file ? finding.message : `${finding.message} (${finding.ruleId})`),
  };
  if (finding.file) {
    annotation.file = pathPrefix ? posix.join(pathPrefix, finding.file) : finding.file;
    if (finding.line) {
      annotation.startLine = finding.line;
      if (finding.endLine && finding.endLine >= finding.line) annotation.endLine = finding.endLine;
      // GitHub takes columns only on a single line.
      if (finding.column && (!annotation.endLine || annotation.endLine === finding.line)) {
        annotation.startColumn = finding.column;
        if (finding.endColumn && finding.endColumn > finding.column) annotation.endColumn = finding.endColumn;
      }
    }
  }
  return annotation;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
