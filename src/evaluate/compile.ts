// Rules compiled once per run: their check tree turned into functions, their file patterns
// into matchers. The index hands each file only the rules that can apply to it.

import type { Check, DocumentKind, ObjectsCheck, Rule, TextCheck } from '../model/types.js';
import { globMatcher } from '../discover/walk.js';
import { checkKinds, compileCheck } from './checks/index.js';
import type { CompiledCheck } from './checks/check.js';
import { resolveParameters } from './parameters.js';
import { createSchemaEngine, type SchemaEngine } from './schema-engine.js';

export interface CompiledRule {
  rule: Rule;
  readonly check: CompiledCheck;
  /** Index of the rule's file pattern set in the RuleIndex. */
  patternSet: number;
  /** The check also looks at the repository's file tree (a `repository` check inside a file rule). */
  usesTree: boolean;
}

/** The files each document kind looks at unless a rule names its own. */
export const DEFAULT_FILES: Record<DocumentKind, string[]> = {
  text: ['**'],
  yaml: ['*.yaml', '*.yml'],
  json: ['*.json'],
  kubernetes: ['*.yaml', '*.yml', '*.json'],
  dockerfile: ['Dockerfile', 'Dockerfile.*', '*.Dockerfile', '*.dockerfile', 'Containerfile', 'Containerfile.*'],
  html: [
    '*.html', '*.htm', '*.xhtml', '*.njk', '*.hbs', '*.handlebars', '*.mustache', '*.ejs', '*.twig',
    '*.j2', '*.jinja', '*.jinja2', '*.erb', '*.php', '*.jsp', '*.cshtml', '*.vue', '*.svelte',
  ],
  repository: [],
};

/** Indexes into the RuleIndex's distinct patterns. */
interface PatternSet {
  include: number[];
  exclude: number[];
}

export class RuleIndex {
  readonly fileRules: CompiledRule[] = [];
  readonly repositoryRules: CompiledRule[] = [];
  /** Some repository rule looks at the Kubernetes objects of the whole repository. */
  readonly needsObjects: boolean;
  /** The object kinds repository rules look at: only those are collected. */
  readonly objectKinds: Set<string>;
  /**
   * The distinct `where` conditions of the repository rules' objects checks. An object is judged
   * against them where its file is read, and carries the indices of those it satisfies instead
   * of its content, which keeps what crosses threads and goes into the cache small.
   */
  readonly objectConditions: { kinds: Set<string>; where: Record<string, unknown> }[];
  private readonly conditionIds = new Map<string, number>();
  private conditionValidators?: ((value: unknown) => boolean)[];
  private schemaEngine?: SchemaEngine;
  private readonly patternSets: PatternSet[] = [];
  /** Every distinct file pattern of the rules, compiled once; each is tested at most once per path. */
  private readonly patterns: ((path: string) => boolean)[] = [];
  private readonly patternIds = new Map<string, number>();
  private readonly kubernetesFiles = DEFAULT_FILES.kubernetes.map((p) => globMatcher(p));
  private readonly patternKeys = new Map<string, number>();

  /** Checks are compiled the first time a file needs them, so a small scan pays only for what it uses. */
  constructor(rules: Rule[], schemas?: SchemaEngine) {
    this.schemaEngine = schemas;
    let kinds: ReturnType<typeof checkKinds> | undefined;
    const checkKindsOnce = () => (kinds ??= checkKinds({ schemas: this.schemas(), objectCondition: (where) => this.conditionId(where) }));
    for (const rule of rules) {
      let check: CompiledCheck | undefined;
      const compiled: CompiledRule = {
        rule,
        get check() {
          return (check ??= compileCheck(resolveParameters(rule), rule, rule.target.kind, checkKindsOnce()));
        },
        patternSet: rule.target.kind === 'repository' ? -1 : this.patternSetOf(rule),
        usesTree: rule.target.kind !== 'repository' && leafChecks(rule.check).some(([name]) => name === 'repository'),
      };
      (rule.target.kind === 'repository' ? this.repositoryRules : this.fileRules).push(compiled);
    }
    const objectChecks = this.repositoryRules.flatMap((compiled) => leafChecks(resolveParameters(compiled.rule)).filter(([name]) => name === 'objects').map(([, spec]) => spec as ObjectsCheck));
    this.objectKinds = new Set(objectChecks.flatMap((objects) => objects.kinds));
    this.objectConditions = [];
    for (const { kinds, where } of objectChecks) {
      if (!where) continue;
      const key = JSON.stringify(where);
      const id = this.conditionIds.get(key);
      if (id === undefined) {
        this.conditionIds.set(key, this.objectConditions.length);
        this.objectConditions.push({ kinds: new Set(kinds), where });
      } else for (const kind of kinds) this.objectConditions[id].kinds.add(kind);
    }
    this.needsObjects = this.objectKinds.size > 0;
    this.keywords = keywordsOf(rules);
  }

  /** Every keyword of every text check: a file is searched for all of them in one pass. */
  readonly keywords: string[];

  /** Compiles every check now; throws RuleCompileError for the first rule that cannot be compiled. */
  compileAll(): this {
    for (const compiled of [...this.fileRules, ...this.repositoryRules]) void compiled.check;
    return this;
  }

  /** The indices of the object conditions an object of this kind and content satisfies. */
  conditionsMet(kind: string, value: unknown): number[] {
    this.conditionValidators ??= this.objectConditions.map(({ where }) => this.schemas().compile(where));
    const met: number[] = [];
    this.objectConditions.forEach((condition, id) => {
      if (condition.kinds.has(kind) && this.conditionValidators![id](value)) met.push(id);
    });
    return met;
  }

  private conditionId(where: Record<string, unknown>): number {
    const id = this.conditionIds.get(JSON.stringify(where));
    if (id === undefined) throw new Error('objects check compiled outside its rule index');
    return id;
  }

  private schemas(): SchemaEngine {
    return (this.schemaEngine ??= createSchemaEngine());
  }

  /** Whether the file's Kubernetes objects must be collected for the repository rules. */
  collectsObjectsOf(path: string): boolean {
    return this.needsObjects && this.kubernetesFiles.some((match) => match(path));
  }

  /** The file rules whose patterns accept this path; each distinct pattern set is tested once. */
  rulesFor(path: string): CompiledRule[] {
    // 0: not tested yet, 1: matches, 2: does not.
    const results = new Uint8Array(this.patterns.length);
    const matches = (id: number) => (results[id] ||= this.patterns[id](path) ? 1 : 2) === 1;
    const accepted = this.patternSets.map((set) => set.include.some(matches) && !set.exclude.some(matches));
    return this.fileRules.filter((compiled) => accepted[compiled.patternSet]);
  }

  private patternId(pattern: string): number {
    let id = this.patternIds.get(pattern);
    if (id === undefined) {
      id = this.patterns.push(globMatcher(pattern)) - 1;
      this.patternIds.set(pattern, id);
    }
    return id;
  }

  private patternSetOf(rule: Rule): number {
    const include = rule.target.files ?? DEFAULT_FILES[rule.target.kind];
    const exclude = rule.target.exclude ?? [];
    const key = JSON.stringify([include, exclude]);
    let index = this.patternKeys.get(key);
    if (index === undefined) {
      index = this.patternSets.length;
      this.patternSets.push({ include: include.map((p) => this.patternId(p)), exclude: exclude.map((p) => this.patternId(p)) });
      this.patternKeys.set(key, index);
    }
    return index;
  }
}

/** The leaf checks of a rule (text, schema, repository…) and their specs, through all / any / not. */
function leafChecks(check: Check): [string, unknown][] {
  const [name, spec] = Object.entries(check)[0] as [string, unknown];
  if (name === 'all' || name === 'any') return (spec as Check[]).flatMap(leafChecks);
  if (name === 'not') return leafChecks(spec as Check);
  return [[name, spec]];
}

function keywordsOf(rules: Rule[]): string[] {
  const keywords = new Set<string>();
  for (const rule of rules) {
    for (const [name, spec] of leafChecks(rule.check)) if (name === 'text') for (const keyword of (spec as TextCheck).keywords ?? []) keywords.add(keyword);
  }
  return [...keywords];
}
