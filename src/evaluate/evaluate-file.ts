// Evaluating one file against the rules that apply to it. Pure with respect to the run:
// given the same file and rules it gives the same findings, whichever worker runs it.

import type { Finding, ScanError } from '../model/types.js';
import { ParseError, type SourceFile } from '../parse/source-file.js';
import type { CheckContext, ObjectFact, RepositoryTree } from './checks/check.js';
import type { CompiledRule, RuleIndex } from './compile.js';
import type { FindingBuilder } from './findings.js';

export interface RuleTiming {
  ruleId: string;
  milliseconds: number;
  files: number;
}

export interface FileResult {
  findings: Finding[];
  errors: ScanError[];
}

export function evaluateFile(
  file: SourceFile,
  rules: CompiledRule[],
  repository: RepositoryTree,
  builder: FindingBuilder,
  timings?: Map<string, RuleTiming>,
): FileResult {
  const findings: Finding[] = [];
  const errors: ScanError[] = [];
  const parseErrors = new Set<string>();
  const context: CheckContext = { file, repository };
  for (const compiled of rules) {
    const started = timings ? performance.now() : 0;
    try {
      // A YAML or JSON file that holds no Kubernetes object is nothing for a Kubernetes rule (whose check is then not even compiled).
      if (compiled.rule.target.kind === 'kubernetes' && file.kubernetes().length === 0) continue;
      for (const violation of compiled.check(context) ?? []) findings.push(builder.build(compiled.rule, violation, file));
    } catch (error) {
      if (error instanceof ParseError) {
        if (!parseErrors.has(error.kind)) {
          parseErrors.add(error.kind);
          errors.push({ file: file.path, line: error.line, message: `${error.kind}: ${error.message}` });
        }
      } else {
        errors.push({ file: file.path, ruleId: compiled.rule.id, message: `rule failed: ${(error as Error).message ?? error}` });
      }
    }
    if (timings) record(timings, compiled.rule.id, performance.now() - started);
  }
  return { findings, errors };
}

export function evaluateRepository(rules: CompiledRule[], repository: RepositoryTree, builder: FindingBuilder): FileResult {
  const findings: Finding[] = [];
  const errors: ScanError[] = [];
  for (const compiled of rules) {
    try {
      for (const violation of compiled.check({ repository }) ?? []) findings.push(builder.build(compiled.rule, violation));
    } catch (error) {
      errors.push({ ruleId: compiled.rule.id, message: `rule failed: ${(error as Error).message ?? error}` });
    }
  }
  return { findings, errors };
}

function record(timings: Map<string, RuleTiming>, ruleId: string, milliseconds: number): void {
  const entry = timings.get(ruleId);
  if (entry) {
    entry.milliseconds += milliseconds;
    entry.files++;
  } else timings.set(ruleId, { ruleId, milliseconds, files: 1 });
}

/**
 * The facts repository rules need about a file's Kubernetes objects: objects of the kinds they
 * name, with the conditions (`where`) each satisfies instead of its content (facts are kept in
 * the cache and sent between threads, so they stay small).
 */
export function collectObjectFacts(file: SourceFile, index: Pick<RuleIndex, 'objectKinds' | 'conditionsMet'>): { objects: ObjectFact[]; error?: ScanError } {
  try {
    return {
      objects: file
        .kubernetes()
        .filter((object) => index.objectKinds.has(object.kind))
        .map((object) => {
          const satisfies = index.conditionsMet(object.kind, object.value);
          return {
            file: file.path,
            line: object.document.line,
            kind: object.kind,
            name: object.name,
            ...(object.namespace ? { namespace: object.namespace } : {}),
            ...(satisfies.length > 0 ? { satisfies } : {}),
          };
        }),
    };
  } catch (error) {
    if (!(error instanceof ParseError)) throw error;
    return { objects: [], error: { file: file.path, line: error.line, message: `${error.kind}: ${error.message}` } };
  }
}
