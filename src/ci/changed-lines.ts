// "Only what the change touched": the lines a pull or merge request added or modified, from
// git in the checkout (merge base of the target branch and HEAD, then a zero-context diff of
// the working tree against it), and the view of a report restricted to those lines.
//
// Findings without a file or without a line (repository-level: "no licence file") are always
// kept: a change cannot be said not to touch them. The full report is never modified; the
// restricted copy only drives what the CI shows and gates.

import { execFileSync } from 'node:child_process';
import { posix, relative, resolve } from 'node:path';
import { SEVERITIES, type Finding, type Report, type SeverityCounts } from '../model/types.js';

export class ChangedLinesError extends Error {}

export interface ChangedLines {
  /** The commit the diff starts from (merge base). */
  base: string;
  /** Lines added or modified in the working tree, per file, paths relative to the scanned folder (POSIX). */
  files: Map<string, Set<number>>;
}

const GIT_TIMEOUT_MS = 30_000;

function git(cwd: string, args: string[]): string {
  return execFileSync('git', ['-c', 'core.quotePath=false', ...args], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: GIT_TIMEOUT_MS,
    maxBuffer: 512 * 1024 * 1024,
  });
}

function gitError(error: unknown): string {
  const stderr = (error as { stderr?: string | Buffer }).stderr;
  const text = stderr ? String(stderr).trim().split('\n')[0] : (error as Error).message;
  return text.replace(/[\u0000-\u001f\u007f]/g, ' ');
}

/**
 * Lines changed between the merge base of `base` and HEAD, and the working tree of `target`
 * (the folder that is scanned, which may be a sub-folder of the repository).
 * `base` is a commit or a ref (the target branch, e.g. `origin/main`).
 */
export function changedLines(target: string, base: string): ChangedLines {
  let top: string;
  try {
    top = git(target, ['rev-parse', '--show-toplevel']).trim();
  } catch (error) {
    throw new ChangedLinesError(`not a git work tree (${gitError(error)})`);
  }
  let mergeBase: string;
  try {
    mergeBase = git(target, ['merge-base', base, 'HEAD']).trim();
  } catch (error) {
    throw new ChangedLinesError(
      `no merge base between ${base} and HEAD (${gitError(error)}); fetch the whole history (actions/checkout fetch-depth: 0, GitLab GIT_DEPTH: 0)`,
    );
  }
  let diff: string;
  try {
    diff = git(top, [
      'diff',
      '--unified=0',
      '--no-color',
      '--no-ext-diff',
      '--no-textconv',
      '--no-relative',
      '--find-renames',
      '--src-prefix=a/',
      '--dst-prefix=b/',
      mergeBase,
      '--',
    ]);
  } catch (error) {
    throw new ChangedLinesError(`git diff failed (${gitError(error)})`);
  }
  const prefix = relative(top, resolve(target)).split(/[\\/]/).filter(Boolean).join('/');
  const files = new Map<string, Set<number>>();
  for (const [path, lines] of parseUnifiedDiff(diff)) {
    if (prefix && !path.startsWith(`${prefix}/`)) continue;
    files.set(prefix ? path.slice(prefix.length + 1) : path, lines);
  }
  return { base: mergeBase, files };
}

/** Added or modified lines of the new side of a `git diff --unified=0`, per path (relative to the repository root). */
export function parseUnifiedDiff(diff: string): Map<string, Set<number>> {
  const files = new Map<string, Set<number>>();
  let current: Set<number> | undefined;
  for (const line of diff.split('\n')) {
    if (line.startsWith('diff --git ')) {
      current = undefined;
    } else if (line.startsWith('+++ ')) {
      const path = newSidePath(line.slice(4));
      if (path === undefined) {
        current = undefined;
      } else {
        current = files.get(path) ?? new Set<number>();
        files.set(path, current);
      }
    } else if (line.startsWith('@@ ') && current) {
      const match = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line);
      if (!match) continue;
      const start = Number(match[1]);
      const count = match[2] === undefined ? 1 : Number(match[2]);
      for (let n = start; n < start + count; n++) current.add(n);
    }
  }
  return files;
}

/** `b/path`, `"b/p\303\251th"` or `/dev/null` → the path, or undefined for a deleted file. */
function newSidePath(raw: string): string | undefined {
  let text = raw.replace(/\t$/, '');
  if (text === '/dev/null') return undefined;
  if (text.startsWith('"') && text.endsWith('"')) text = unquoteC(text.slice(1, -1));
  if (!text.startsWith('b/')) return undefined;
  return posix.normalize(text.slice(2));
}

/** Git's C-style quoting of unusual paths (octal escapes are UTF-8 bytes). */
function unquoteC(text: string): string {
  const bytes: number[] = [];
  const simple: Record<string, number> = { n: 10, t: 9, r: 13, a: 7, b: 8, f: 12, v: 11, '\\': 92, '"': 34 };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\' && i + 1 < text.length) {
      const next = text[i + 1];
      if (/[0-7]/.test(next)) {
        bytes.push(parseInt(text.slice(i + 1, i + 4), 8));
        i += 3;
        continue;
      }
      if (next in simple) {
        bytes.push(simple[next]);
        i += 1;
        continue;
      }
    }
    bytes.push(...Buffer.from(c, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

/** Whether the change touches a finding: repository-level findings always, others when one of their lines changed. */
export function touchedByChange(finding: Finding, changed: ChangedLines): boolean {
  if (!finding.file || !finding.line) return true;
  const lines = changed.files.get(finding.file);
  if (!lines) return false;
  const end = Math.max(finding.endLine ?? finding.line, finding.line);
  for (let n = finding.line; n <= end; n++) if (lines.has(n)) return true;
  return false;
}

export interface ScopedReport {
  /** The report restricted to the change (same object as the full report when not restricted). */
  report: Report;
  /** Findings of the full report left out because the change does not touch them. */
  outside: number;
}

/** A copy of the report with only the findings the change touches, and its summary counted again. */
export function restrictToChange(report: Report, changed: ChangedLines): ScopedReport {
  const findings = report.findings.filter((finding) => touchedByChange(finding, changed));
  return { report: withFindings(report, findings), outside: report.findings.length - findings.length };
}

/** The report with another list of findings and the summary counted from it (scores are kept: they describe the repository). */
export function withFindings(report: Report, findings: Finding[]): Report {
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
  const sortedDomains = Object.fromEntries(Object.entries(byDomain).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return {
    ...report,
    summary: { ...report.summary, findings: findings.length - waived, waived, bySeverity, byDomain: sortedDomains },
    findings,
  };
}
