// Objects check: the Kubernetes objects of the whole repository, for rules on presence or
// absence across files ("workloads are deployed but no NetworkPolicy exists").

import type { ObjectsCheck } from '../../model/types.js';
import type { CheckCompileContext } from './index.js';
import { RuleCompileError, type CheckCompiler, type Violation } from './check.js';

export function objectsCheck(context: CheckCompileContext): CheckCompiler<ObjectsCheck> {
  return {
    kinds: ['repository'],
    compile(spec) {
      const kinds = new Set(spec.kinds);
      let condition: number | undefined;
      if (spec.where) {
        try {
          context.schemas.compile(spec.where);
        } catch (error) {
          throw new RuleCompileError(`invalid JSON Schema: ${(error as Error).message}`, ['where']);
        }
        // Judged where the object was read (see RuleIndex.conditionsMet): the fact says whether it satisfies it.
        condition = context.objectCondition(spec.where);
      }
      return ({ repository }) =>
        repository.objects
          .filter((object) => kinds.has(object.kind) && (condition === undefined || (object.satisfies?.includes(condition) ?? false)))
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
