// Rule tests written in the fixtures themselves, as Semgrep does. In a fixture file, a comment
//   ruleid: <id>      the next line (or this line, after code) must be reported by <id>
//   ok: <id>          it must not be
//   todoruleid: <id>  a known miss: not reported yet (reported would mean: promote it)
//   todook: <id>      a known false alarm: reported for now
// Formats without comments (JSON) and repository-level findings use a sidecar
// `.cadre-expect.yml` in the case folder: a list of {ruleid|ok|todoruleid|todook, file?, line?}.
//
// Layout: <fixtures>/<rule-id>/<case>/… ; each case folder is scanned alone, with only its rule.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import type { Rule } from '../model/types.js';
import { decode } from '../parse/read.js';
import { LineIndex } from '../parse/line-index.js';
import { scan } from '../scan.js';
import { discover } from '../discover/walk.js';

export const EXPECTATION_FILE = '.cadre-expect.yml';
const MARKS = ['ruleid', 'ok', 'todoruleid', 'todook'] as const;
type Mark = (typeof MARKS)[number];

export interface Expectation {
  mark: Mark;
  ruleId: string;
  file?: string;
  /** Absent: a finding on the file (or the repository) as a whole. */
  line?: number;
}

export interface CaseOutcome {
  ruleId: string;
  caseName: string;
  expectations: Expectation[];
  /** Expected (ruleid) but not reported. */
  missed: string[];
  /** Reported but not expected. */
  unexpected: string[];
  /** todoruleid that is now reported, todook that no longer is: the annotation must change. */
  stale: string[];
  errors: string[];
}

export interface RuleOutcome {
  ruleId: string;
  cases: CaseOutcome[];
  problems: string[];
}

const ANNOTATION = /(?:#|\/\/|<!--|\/\*|\*|--|;|\{#|\{\{!(?:--)?)\s*(todoruleid|ruleid|todook|ok):\s*([a-z0-9][a-z0-9-]*(?:\s*,\s*[a-z0-9][a-z0-9-]*)*)/;
const COMMENT_DEBRIS = /^(?:#|\/\/|<!--|-->|\/\*|\*\/|\*|--|;|\{#|#\}|\{\{!(?:--)?|(?:--)?\}\}|\s)*$/;

/** Reads the inline expectations of one file. */
export function inlineExpectations(file: string, text: string): Expectation[] {
  const lines = new LineIndex(text);
  const expectations: Expectation[] = [];
  let pending: { mark: Mark; ruleId: string }[] = [];
  for (let line = 1; line <= lines.lineCount; line++) {
    const content = lines.lineText(line);
    const match = ANNOTATION.exec(content);
    if (match) {
      const marks = match[2].split(',').map((id) => ({ mark: match[1] as Mark, ruleId: id.trim() }));
      const rest = content.slice(0, match.index) + content.slice(match.index + match[0].length);
      if (COMMENT_DEBRIS.test(rest)) {
        pending.push(...marks);
        continue;
      }
      for (const m of [...pending, ...marks]) expectations.push({ ...m, file, line });
      pending = [];
      continue;
    }
    if (pending.length > 0 && content.trim() !== '') {
      for (const m of pending) expectations.push({ ...m, file, line });
      pending = [];
    }
  }
  return expectations;
}

export function sidecarExpectations(caseDir: string): Expectation[] {
  const path = join(caseDir, EXPECTATION_FILE);
  if (!existsSync(path)) return [];
  const entries = load(readFileSync(path, 'utf8')) as Record<string, unknown>[] | null;
  if (!Array.isArray(entries)) throw new Error(`${EXPECTATION_FILE} must be a list`);
  return entries.map((entry) => {
    const mark = MARKS.find((m) => typeof entry[m] === 'string');
    if (!mark) throw new Error(`${EXPECTATION_FILE}: each entry needs one of ${MARKS.join(', ')}`);
    return {
      mark,
      ruleId: String(entry[mark]),
      ...(typeof entry.file === 'string' ? { file: entry.file } : {}),
      ...(typeof entry.line === 'number' ? { line: entry.line } : {}),
    };
  });
}

const where = (file: string | undefined, line: number | undefined) => `${file ?? '(repository)'}${line !== undefined ? `:${line}` : ''}`;

export async function runCase(rule: Rule, caseDir: string, caseName: string): Promise<CaseOutcome> {
  const outcome: CaseOutcome = { ruleId: rule.id, caseName, expectations: [], missed: [], unexpected: [], stale: [], errors: [] };
  const discovery = await discover(caseDir, { exclude: [EXPECTATION_FILE] });
  for (const entry of discovery.files) {
    const read = decode(readFileSync(join(caseDir, entry.path)));
    if ('text' in read) outcome.expectations.push(...inlineExpectations(entry.path, read.text).filter((e) => e.ruleId === rule.id));
  }
  outcome.expectations.push(...sidecarExpectations(caseDir).filter((e) => e.ruleId === rule.id));

  const { report } = await scan({ target: caseDir, rules: [rule], lang: 'en', exclude: [EXPECTATION_FILE] });
  outcome.errors = report.errors.map((e) => `${where(e.file, e.line)}: ${e.message}`);
  const reported = new Set(report.findings.map((f) => where(f.file, f.line)));
  const expectedKeys = new Set<string>();
  for (const expectation of outcome.expectations) {
    const key = where(expectation.file, expectation.line);
    if (expectation.mark === 'ruleid' || expectation.mark === 'todook') expectedKeys.add(key);
    if (expectation.mark === 'ruleid' && !reported.has(key)) outcome.missed.push(key);
    if (expectation.mark === 'todoruleid' && reported.has(key)) outcome.stale.push(`${key} is reported now: make it "ruleid"`);
    if (expectation.mark === 'todook' && !reported.has(key)) outcome.stale.push(`${key} is no longer reported: make it "ok"`);
  }
  outcome.unexpected = [...reported].filter((key) => !expectedKeys.has(key));
  return outcome;
}

/** Tests each rule against its fixture folder `<fixturesRoot>/<rule-id>/<case>/`. */
export async function testRules(rules: Rule[], fixturesRoot: string): Promise<RuleOutcome[]> {
  const outcomes: RuleOutcome[] = [];
  for (const rule of rules) {
    const ruleDir = join(fixturesRoot, rule.id);
    const outcome: RuleOutcome = { ruleId: rule.id, cases: [], problems: [] };
    outcomes.push(outcome);
    if (!existsSync(ruleDir)) {
      outcome.problems.push(`no fixtures (expected ${ruleDir}/<case>/)`);
      continue;
    }
    for (const caseName of readdirSync(ruleDir).sort()) {
      const caseDir = join(ruleDir, caseName);
      if (!statSync(caseDir).isDirectory()) {
        outcome.problems.push(`${caseName}: fixtures go in case folders (${rule.id}/<case>/${caseName})`);
        continue;
      }
      outcome.cases.push(await runCase(rule, caseDir, caseName));
    }
    const marks = outcome.cases.flatMap((c) => c.expectations.map((e) => e.mark));
    if (!marks.includes('ruleid')) outcome.problems.push('no case that must be reported (ruleid)');
    if (!marks.includes('ok')) outcome.problems.push('no case that must stay clean (ok)');
  }
  return outcomes;
}

export function outcomeFailures(outcome: RuleOutcome): string[] {
  return [
    ...outcome.problems,
    ...outcome.cases.flatMap((c) => [
      ...c.missed.map((m) => `${c.caseName}: expected, not reported: ${m}`),
      ...c.unexpected.map((u) => `${c.caseName}: reported, not expected: ${u}`),
      ...c.stale.map((s) => `${c.caseName}: ${s}`),
      ...c.errors.map((e) => `${c.caseName}: scan error: ${e}`),
    ]),
  ];
}
