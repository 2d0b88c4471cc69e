// Profiles: a named selection of rules with severity changes, built on another profile.
// Built-in profiles live in profiles/*.yaml; a project defines its own under `profiles:` in
// .cadre.yml. Selectors in include/exclude/raise are a rule id, `domain:NAME` or `tag:NAME`.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import type { Lang, Rule, Severity } from '../model/types.js';
import type { FailOn } from '../gate/gate.js';
import { atOrAbove } from '../gate/gate.js';
import { packageRoot } from '../package-root.js';
import { cadreValidator } from '../json-schema.js';
import { withParameterValues } from '../evaluate/parameters.js';

export interface Profile {
  name: string;
  extends?: string;
  description?: Record<Lang, string>;
  failOn?: FailOn;
  exclude?: string[];
  include?: string[];
  severity?: Record<string, Severity>;
  raise?: { domain?: string; tag?: string; to: Severity }[];
  parameters?: Record<string, Record<string, unknown>>;
}

export const DEFAULT_PROFILE = 'recommended';

export class ProfileError extends Error {}

function validate(profile: unknown, origin: string): Profile {
  const validator = cadreValidator('profile');
  if (!validator(profile)) {
    const details = (validator.errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message}`).join('; ');
    throw new ProfileError(`${origin}: invalid profile: ${details}`);
  }
  return profile as Profile;
}

export function builtinProfiles(): Map<string, Profile> {
  const dir = join(packageRoot(), 'profiles');
  const profiles = new Map<string, Profile>();
  for (const file of readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort()) {
    const profile = validate(load(readFileSync(join(dir, file), 'utf8')), `profiles/${file}`);
    profiles.set(profile.name ?? file.replace(/\.ya?ml$/, ''), profile);
  }
  return profiles;
}

/** The chain from the root profile down to `name`, with the project's own profiles added. */
function chain(name: string, profiles: Map<string, Profile>): Profile[] {
  const result: Profile[] = [];
  const seen = new Set<string>();
  let current: string | undefined = name;
  while (current) {
    if (seen.has(current)) throw new ProfileError(`profile "${current}" extends itself`);
    seen.add(current);
    const profile = profiles.get(current);
    if (!profile) throw new ProfileError(`unknown profile "${current}" (known: ${[...profiles.keys()].join(', ')})`);
    result.unshift(profile);
    current = profile.extends;
  }
  return result;
}

function matches(selector: string, rule: Rule): boolean {
  if (selector.startsWith('domain:')) return rule.domain === selector.slice(7);
  if (selector.startsWith('tag:')) return (rule.tags ?? []).includes(selector.slice(4));
  return rule.id === selector;
}

export interface AppliedProfile {
  name: string;
  rules: Rule[];
  failOn?: FailOn;
}

/** Applies a profile (and the profiles it extends, parents first) to the rules. */
export function applyProfile(rules: Rule[], name: string, own: Record<string, Profile> = {}): AppliedProfile {
  const profiles = builtinProfiles();
  for (const [key, profile] of Object.entries(own)) profiles.set(key, validate({ ...profile, name: key }, `.cadre.yml profiles.${key}`));
  const ids = new Set(rules.map((r) => r.id));
  let enabled = new Map(rules.map((rule) => [rule.id, true]));
  let failOn: FailOn | undefined;
  const current = new Map(rules.map((rule) => [rule.id, rule]));
  for (const profile of chain(name, profiles)) {
    for (const selector of [...(profile.exclude ?? []), ...(profile.include ?? []), ...Object.keys(profile.severity ?? {})]) {
      if (!selector.includes(':') && !ids.has(selector)) throw new ProfileError(`profile "${profile.name}": unknown rule "${selector}"`);
    }
    for (const rule of rules) {
      if ((profile.exclude ?? []).some((s) => matches(s, rule))) enabled.set(rule.id, false);
      if ((profile.include ?? []).some((s) => matches(s, rule))) enabled.set(rule.id, true);
    }
    for (const [id, rule] of current) {
      let severity = profile.severity?.[id] ?? rule.severity;
      for (const raise of profile.raise ?? []) {
        const hit = (raise.domain === undefined || raise.domain === rule.domain) && (raise.tag === undefined || (rule.tags ?? []).includes(raise.tag));
        if (hit && !atOrAbove(severity, raise.to)) severity = raise.to;
      }
      let next = severity === rule.severity ? rule : { ...rule, severity };
      if (profile.parameters?.[id]) next = withParameterValues(next, profile.parameters[id]);
      current.set(id, next);
    }
    failOn = profile.failOn ?? failOn;
  }
  enabled = new Map([...enabled].filter(([, on]) => on));
  return { name, rules: rules.filter((rule) => enabled.has(rule.id)).map((rule) => current.get(rule.id)!), failOn };
}
