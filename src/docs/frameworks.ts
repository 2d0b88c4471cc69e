// Framework coverage: for each framework, which criteria cadre checks automatically (and by
// which rules) and which remain manual. Auditors need to know what a green report does not prove.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import type { Lang, Localized, Rule } from '../model/types.js';
import { cadreValidator } from '../json-schema.js';
import { packageRoot } from '../package-root.js';

export interface FrameworkCatalogue {
  name: string;
  title: Localized;
  url?: string;
  version?: string;
  criteria: { id: string; title: Localized; note?: string }[];
}

export interface CriterionCoverage {
  id: string;
  title?: string;
  rules: string[];
  note?: string;
}

export interface FrameworkCoverage {
  name: string;
  title: string;
  url?: string;
  /** Criteria listed in the catalogue (undefined when cadre has no catalogue of this framework). */
  total?: number;
  automated: CriterionCoverage[];
  manual: CriterionCoverage[];
}

export function loadFrameworkCatalogues(): FrameworkCatalogue[] {
  const dir = join(packageRoot(), 'frameworks');
  if (!existsSync(dir)) return [];
  const validate = cadreValidator('framework');
  return readdirSync(dir)
    .filter((file) => /\.ya?ml$/.test(file))
    .sort()
    .map((file) => {
      const value = load(readFileSync(join(dir, file), 'utf8'));
      if (!validate(value)) throw new Error(`frameworks/${file}: ${validate.errors?.[0]?.instancePath} ${validate.errors?.[0]?.message}`);
      return value as FrameworkCatalogue;
    });
}

const byCriterion = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id, undefined, { numeric: true });

export function frameworkCoverage(rules: Rule[], catalogues: FrameworkCatalogue[], lang: Lang): FrameworkCoverage[] {
  const checked = new Map<string, Map<string, Set<string>>>();
  for (const rule of rules) {
    for (const reference of rule.references) {
      const criteria = checked.get(reference.framework) ?? new Map<string, Set<string>>();
      criteria.set(reference.criterion, (criteria.get(reference.criterion) ?? new Set()).add(rule.id));
      checked.set(reference.framework, criteria);
    }
  }
  const coverage: FrameworkCoverage[] = [];
  for (const catalogue of catalogues) {
    const criteria = checked.get(catalogue.name) ?? new Map<string, Set<string>>();
    checked.delete(catalogue.name);
    const known = new Set(catalogue.criteria.map((c) => c.id));
    const automated: CriterionCoverage[] = [];
    const manual: CriterionCoverage[] = [];
    for (const criterion of catalogue.criteria) {
      const entry = { id: criterion.id, title: criterion.title[lang], rules: [...(criteria.get(criterion.id) ?? [])].sort(), ...(criterion.note ? { note: criterion.note } : {}) };
      (entry.rules.length > 0 ? automated : manual).push(entry);
    }
    for (const [id, ruleIds] of criteria) if (!known.has(id)) automated.push({ id, rules: [...ruleIds].sort() });
    coverage.push({ name: catalogue.name, title: catalogue.title[lang], url: catalogue.url, total: catalogue.criteria.length, automated: automated.sort(byCriterion), manual });
  }
  for (const [name, criteria] of [...checked].sort(([a], [b]) => a.localeCompare(b))) {
    coverage.push({
      name,
      title: name,
      automated: [...criteria].map(([id, ruleIds]) => ({ id, rules: [...ruleIds].sort() })).sort(byCriterion),
      manual: [],
    });
  }
  return coverage;
}

export function renderCoverage(coverage: FrameworkCoverage[], lang: Lang): string {
  const fr = lang === 'fr';
  const lines: string[] = [];
  for (const framework of coverage) {
    const head = framework.total !== undefined
      ? fr
        ? `${framework.automated.length} critère(s) vérifié(s) automatiquement sur ${framework.total}, ${framework.manual.length} à vérifier manuellement`
        : `${framework.automated.length} of ${framework.total} criteria checked automatically, ${framework.manual.length} to check manually`
      : fr
        ? `${framework.automated.length} critère(s) vérifié(s) automatiquement (pas de catalogue complet : les autres critères ne sont pas listés)`
        : `${framework.automated.length} criteria checked automatically (no full catalogue: the other criteria are not listed)`;
    lines.push(`${framework.name} — ${framework.title}`, `  ${head}`);
    for (const criterion of framework.automated) lines.push(`    ✓ ${criterion.id.padEnd(12)} ${criterion.title ? `${criterion.title} ` : ''}[${criterion.rules.join(', ')}]`);
    for (const criterion of framework.manual) lines.push(`    ○ ${criterion.id.padEnd(12)} ${criterion.title ?? ''}${criterion.note ? ` (${criterion.note})` : ''}`);
    lines.push('');
  }
  return `${lines.join('\n')}`;
}
