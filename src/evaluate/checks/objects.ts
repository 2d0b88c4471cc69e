// Objects check: the Kubernetes objects of the whole repository, for rules on presence or
// absence across files ("workloads are deployed but no NetworkPolicy exists").

import type { ObjectsCheck } from '../../model/types.js';
import type { SchemaEngine } from '../schema-engine.js';
import { RuleCompileError, type CheckCompiler, type Violation } from './check.js';

export function objectsCheck(schemas: SchemaEngine): CheckCompiler<ObjectsCheck> {
  return {
    kinds: ['repository'],
    compile(spec) {
      const kinds = new Set(spec.kinds);
      let where: ((value: unknown) => boolean) | undefined;
      if (spec.where) {
        try {
          where = schemas.compile(spec.where);
        } catch (error) {
          throw new RuleCompileError(`invalid JSON Schema: ${(error as Error).message}`, ['where']);
        }
      }
      return ({ repository }) =>
        repository.objects
          .filter((object) => kinds.has(object.kind) && (!where || where(object.value)))
          .map(
            (object): Violation => ({
              file: object.file,
              line: object.line,
              name: object.name,
              kind: object.kind,
              value: `${object.kind}/${object.name}`,
              key: `${object.kind}/${object.namespace ?? ''}/${object.name}`,
            }),
          );
    },
  };
}
