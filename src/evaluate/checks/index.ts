// The check vocabulary: every check kind, and the combinators all / any / not over them.
//
//   all: [a, b, …]  violations of `a`, kept only when every other check also has one
//   any: [a, b, …]  every violation of every check
//   not: a          one violation on the whole document when `a` has none
//
// A check that does not apply (null) makes all / not not apply either, and is ignored by any.

import type { SchemaEngine } from '../schema-engine.js';
import type { Check, DocumentKind, Rule } from '../../model/types.js';
import { RuleCompileError, type CheckCompiler, type CompiledCheck, type Violation } from './check.js';
import { htmlCheck } from './html.js';
import { objectsCheck } from './objects.js';
import { repositoryCheck } from './repository.js';
import { schemaCheck } from './schema.js';
import { textCheck } from './text.js';

export type CheckKindName = 'text' | 'schema' | 'html' | 'repository' | 'objects';

/** What compiling checks needs from the run: the JSON Schema engine, and the index of an objects check's condition. */
export interface CheckCompileContext {
  schemas: SchemaEngine;
  objectCondition(where: Record<string, unknown>): number;
}

export function checkKinds(context: CheckCompileContext): Record<CheckKindName, CheckCompiler<never>> {
  return {
    text: textCheck as CheckCompiler<never>,
    schema: schemaCheck(context.schemas) as CheckCompiler<never>,
    html: htmlCheck as CheckCompiler<never>,
    repository: repositoryCheck as CheckCompiler<never>,
    objects: objectsCheck(context) as CheckCompiler<never>,
  };
}

export function compileCheck(
  check: Check,
  rule: Rule,
  kind: DocumentKind,
  kinds: Record<CheckKindName, CheckCompiler<never>>,
  path: (string | number)[] = ['check'],
): CompiledCheck {
  const [name, spec] = Object.entries(check)[0] as [string, unknown];
  const at = [...path, name];
  if (name === 'all' || name === 'any') {
    const children = (spec as Check[]).map((child, i) => compileCheck(child, rule, kind, kinds, [...at, i]));
    return name === 'all' ? allOf(children) : anyOf(children);
  }
  if (name === 'not') return notOf(compileCheck(spec as Check, rule, kind, kinds, at));
  const compiler = kinds[name as CheckKindName];
  if (!compiler) throw new RuleCompileError(`unknown check kind "${name}"`, at);
  if (!compiler.kinds.includes(kind)) {
    throw new RuleCompileError(`check "${name}" cannot run on ${kind} documents (it runs on: ${compiler.kinds.join(', ')})`, at);
  }
  try {
    return compiler.compile(spec as never, rule, kind);
  } catch (error) {
    if (error instanceof RuleCompileError) throw new RuleCompileError(error.message, [...at, ...error.path]);
    throw error;
  }
}

function allOf(children: CompiledCheck[]): CompiledCheck {
  return (context) => {
    let first: Violation[] | undefined;
    for (const child of children) {
      const violations = child(context);
      if (violations === null) return null;
      if (violations.length === 0) return [];
      first ??= violations;
    }
    return first ?? [];
  };
}

function anyOf(children: CompiledCheck[]): CompiledCheck {
  return (context) => {
    let applied = false;
    const all: Violation[] = [];
    for (const child of children) {
      const violations = child(context);
      if (violations === null) continue;
      applied = true;
      all.push(...violations);
    }
    return applied ? all : null;
  };
}

function notOf(child: CompiledCheck): CompiledCheck {
  return (context) => {
    const violations = child(context);
    if (violations === null) return null;
    return violations.length === 0 ? [{ key: 'absent' }] : [];
  };
}
