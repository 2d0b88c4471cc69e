// Rule parameters: a rule declares values a user may change (an allow-list of registries,
// a threshold), and refers to them in its check as {"$param": name}. The values in force
// are written into the rule before it is compiled, so the rule-set digest covers them.

import type { Check, Rule } from '../model/types.js';
import { RuleCompileError } from './checks/check.js';

/** Replaces every {"$param": name} of the check by the parameter's value. */
export function resolveParameters(rule: Rule): Check {
  const parameters = rule.parameters ?? {};
  const walk = (node: unknown, path: (string | number)[]): unknown => {
    if (Array.isArray(node)) return node.map((item, i) => walk(item, [...path, i]));
    if (node === null || typeof node !== 'object') return node;
    const record = node as Record<string, unknown>;
    if ('$param' in record) {
      const name = String(record.$param);
      if (Object.keys(record).length !== 1) throw new RuleCompileError('{"$param": name} must stand alone', path);
      if (!Object.prototype.hasOwnProperty.call(parameters, name)) throw new RuleCompileError(`unknown parameter "${name}"`, path);
      return parameters[name].default;
    }
    const copy: Record<string, unknown> = {};
    for (const key of Object.keys(record)) {
      Object.defineProperty(copy, key, { value: walk(record[key], [...path, key]), enumerable: true, writable: true, configurable: true });
    }
    return copy;
  };
  return walk(rule.check, ['check']) as Check;
}

/** The rule with the user's values in place of its parameters' defaults. */
export function withParameterValues(rule: Rule, values: Record<string, unknown> | undefined): Rule {
  if (!values) return rule;
  const parameters = { ...(rule.parameters ?? {}) };
  for (const [name, value] of Object.entries(values)) {
    if (!Object.prototype.hasOwnProperty.call(parameters, name)) throw new Error(`rule ${rule.id} has no parameter "${name}"`);
    parameters[name] = { ...parameters[name], default: value };
  }
  return { ...rule, parameters };
}
