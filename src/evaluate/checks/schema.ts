// Schema check (Polaris-style): a selector picks nodes of a structured document, and each
// node must validate against a JSON Schema. The first concrete schema error gives the line.

import type { ErrorObject, ValidateFunction } from 'ajv';
import type { SchemaEngine } from '../schema-engine.js';
import type { DocumentKind, SchemaCheck } from '../../model/types.js';
import { compileSelector } from '../select.js';
import { RuleCompileError, type CheckCompiler, type Violation } from './check.js';

export function schemaCheck(schemas: SchemaEngine): CheckCompiler<SchemaCheck> {
  return {
    kinds: ['yaml', 'json', 'kubernetes', 'dockerfile'],
    compile(spec, _rule, kind: DocumentKind) {
      let select;
      try {
        select = compileSelector(kind, spec.select);
      } catch (error) {
        throw new RuleCompileError((error as Error).message, ['select']);
      }
      const where = spec.where ? compileSchema(schemas, spec.where, 'where') : undefined;
      const assert = compileSchema(schemas, spec.assert, 'assert');

      return ({ file }) => {
        if (!file) return null;
        const violations: Violation[] = [];
        for (const node of select(file)) {
          if (where && !where(node.value)) continue;
          if (assert(node.value)) continue;
          const error = firstConcrete(assert.errors ?? []);
          const path = error ? pointerToPath(error.instancePath) : [];
          violations.push({
            line: node.locate(path),
            value: offendingValue(node.value, path, error),
            name: node.name,
            kind: node.kind,
            key: node.key,
            ...(spec.redact ? { redactLine: true } : {}),
          });
        }
        return violations;
      };
    },
  };
}

function compileSchema(schemas: SchemaEngine, schema: Record<string, unknown>, key: string): ValidateFunction {
  try {
    return schemas.compile(schema);
  } catch (error) {
    throw new RuleCompileError(`invalid JSON Schema: ${(error as Error).message}`, [key]);
  }
}

/**
 * The error that locates the finding: the first one that is not a combinator's summary.
 * Inside anyOf, errors come in branch order, so a rule puts its most telling branch first.
 */
const COMBINATORS = new Set(['anyOf', 'oneOf', 'allOf', 'if']);
function firstConcrete(errors: ErrorObject[]): ErrorObject | undefined {
  return errors.find((error) => !COMBINATORS.has(error.keyword)) ?? errors[0];
}

function pointerToPath(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}

function offendingValue(root: unknown, path: (string | number)[], error: ErrorObject | undefined): string | undefined {
  let node = root;
  for (const segment of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  if (node === null || node === undefined) return error?.keyword === 'required' ? String(error.params.missingProperty) : undefined;
  if (typeof node !== 'object') return String(node);
  if (error?.keyword === 'required') return String(error.params.missingProperty);
  // An offending entry that names itself (an ENV pair, a container, a volume) is shown by its name.
  const name = (node as Record<string, unknown>).name;
  return typeof name === 'string' ? name : undefined;
}
