// The content cache (`--cache`, like ESLint's): a file whose content and rule set are
// unchanged gets its previous outcome back without being evaluated again. One cache file
// per rule set (and cadre version), keyed by path and content hash. As git does, a file whose
// size, modification time and inode are those recorded is taken as unchanged without being
// read; any other file is read and compared by its content hash. The outcome of a file whose rules
// also look at the file tree (a Dockerfile and the presence of .dockerignore) is kept with a digest
// of that tree, and reused only while the tree is the same.
//
// The cache file is read and written whole on every scan of a large repository, so entries are
// compact: what a finding takes from its rule is put back from the rule set, empty lists are
// left out, and which rules apply to a path (a function of the path and the rule set, both part
// of the key) is stored so that a known file is not matched against every rule's patterns again.

import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding, Rule, ScanError, SkippedFile } from '../model/types.js';
import type { ObjectFact } from '../evaluate/checks/check.js';
import type { InlineSuppression } from '../waive/inline.js';
import type { FileStamp } from '../parse/read.js';
import type { FileOutcome, FileTask } from './file-scanner.js';

export type { FileStamp } from '../parse/read.js';

/** What a finding takes from its rule: not stored, put back from the rule set. */
type FromRule = Pick<Finding, 'severity' | 'domain' | 'references'>;
type StoredFinding = Omit<Finding, keyof FromRule>;

/** The task of a path: which of evaluate, collectObjects and usesTree are set. */
const EVALUATE = 1;
const COLLECT_OBJECTS = 2;
const USES_TREE = 4;

interface StoredEntry {
  /** Content hash. */
  h: string;
  /** Stamp: size, modification time, inode. */
  s?: [number, number, number];
  /** Task flags. */
  k: number;
  /** Digest of the file tree, for outcomes that depend on it. */
  t?: string;
  /** The file was read and its rules evaluated. */
  r?: 1;
  /** Why it was skipped (binary, too large). */
  sk?: SkippedFile;
  f?: StoredFinding[];
  e?: ScanError[];
  x?: InlineSuppression[];
  o?: ObjectFact[];
}

/** The outcome of the repository rules, and what it was computed from besides the file entries. */
interface StoredRepository {
  /** Digest of the file tree. */
  t: string;
  /** The file sizes the rules looked at. */
  s: [string, number][];
  f?: StoredFinding[];
  e?: ScanError[];
  /** Findings left out per rule: the outcome is stored capped. */
  c?: [string, number][];
}

/** Raised whenever the stored shape changes: an older cache file is then ignored. */
const CACHE_VERSION = 7;

interface CacheFile {
  version: typeof CACHE_VERSION;
  entries: Record<string, StoredEntry>;
  repository?: StoredRepository;
}

/** The outcome of the repository rules, each rule's findings capped (the rest counted). */
export interface RepositoryOutcome {
  findings: Finding[];
  errors: ScanError[];
  truncated: { ruleId: string; omitted: number }[];
}

/** A previous outcome and the content hash it was computed for. */
export interface CacheEntry {
  hash: string;
  outcome: FileOutcome;
}

export class ContentCache {
  private readonly previous: Record<string, StoredEntry>;
  private readonly previousRepository?: StoredRepository;
  /** The outcome of the repository rules of this scan, computed or reused. */
  private nextRepository?: StoredRepository;
  private readonly next: Record<string, StoredEntry> = {};
  /** An entry was written that the cache file does not hold yet. */
  private changed = false;
  private readonly fromRule = new Map<string, FromRule>();

  constructor(
    private readonly path: string,
    rules: Rule[],
  ) {
    for (const rule of rules) this.fromRule.set(rule.id, { severity: rule.severity, domain: rule.domain, references: rule.references });
    let loaded: Record<string, StoredEntry> = {};
    try {
      const parsed = JSON.parse(readFileSync(path, 'utf8')) as CacheFile;
      if (parsed.version === CACHE_VERSION && parsed.entries && typeof parsed.entries === 'object') {
        loaded = parsed.entries;
        this.previousRepository = parsed.repository;
      }
    } catch {
      // No cache yet, or an unreadable one: start afresh.
    }
    this.previous = loaded;
  }

  static at(folder: string, rules: Rule[], rulesetDigest: string, toolVersion: string, optionsKey: string): ContentCache {
    const key = createHash('sha256').update(`${rulesetDigest}\u0000${toolVersion}\u0000${optionsKey}`).digest('hex').slice(0, 24);
    mkdirSync(folder, { recursive: true });
    return new ContentCache(join(folder, `${key}.json`), rules);
  }

  /** Digest of a file tree: its files and folders, in order. */
  static treeDigest(files: string[], directories: string[]): string {
    const hash = createHash('sha256');
    for (const path of files) hash.update(`f${path}\u0000`);
    for (const path of directories) hash.update(`d${path}\u0000`);
    return hash.digest('hex');
  }

  static hash(bytes: Buffer): string {
    return createHash('sha256').update(bytes).digest('base64');
  }

  /** The task of a path the cache knows: the same rules apply to it as when it was stored. */
  taskOf(path: string): FileTask | undefined {
    const stored = this.stored(path);
    if (!stored) return undefined;
    return { path, evaluate: (stored.k & EVALUATE) !== 0, collectObjects: (stored.k & COLLECT_OBJECTS) !== 0, usesTree: (stored.k & USES_TREE) !== 0 };
  }

  /**
   * The previous outcome for a path, to be used if its content hash still matches; `tree` is the
   * digest of the current file tree when the outcome depends on it.
   */
  entry(path: string, tree?: string): CacheEntry | undefined {
    const stored = this.stored(path);
    if (!stored || stored.t !== tree) return undefined;
    return { hash: stored.h, outcome: this.outcomeOf(path, stored) };
  }

  /** The previous outcome when the file's stamp is the recorded one (the file is then not read, and stamped only if the cache knows it). */
  unchanged(path: string, stampOf: () => FileStamp | undefined, tree?: string): FileOutcome | undefined {
    const stored = this.stored(path);
    if (!stored?.s || stored.t !== tree) return undefined;
    const stamp = stampOf();
    if (!stamp) return undefined;
    const [size, mtimeMs, ino] = stored.s;
    if (size !== stamp.size || mtimeMs !== stamp.mtimeMs || ino !== stamp.ino) return undefined;
    this.next[path] = stored;
    return this.outcomeOf(path, stored);
  }

  set(task: FileTask, hash: string, stamp: FileStamp | undefined, tree: string | undefined, outcome: FileOutcome): void {
    const stored: StoredEntry = {
      h: hash,
      k: (task.evaluate ? EVALUATE : 0) | (task.collectObjects ? COLLECT_OBJECTS : 0) | (task.usesTree ? USES_TREE : 0),
    };
    if (stamp) stored.s = [stamp.size, stamp.mtimeMs, stamp.ino];
    if (tree) stored.t = tree;
    if (outcome.scanned) stored.r = 1;
    if (outcome.skipped) stored.sk = outcome.skipped;
    if (outcome.findings.length > 0) stored.f = outcome.findings.map((finding) => this.dehydrate(finding));
    if (outcome.errors.length > 0) stored.e = outcome.errors;
    if (outcome.suppressions.length > 0) stored.x = outcome.suppressions;
    if (outcome.objects.length > 0) stored.o = outcome.objects;
    this.next[task.path] = stored;
    this.changed = true;
  }

  /**
   * The previous outcome of the repository rules, when every file's outcome came from the cache (so
   * the Kubernetes objects are those it was computed from), the tree is the same and so are the
   * sizes of the files the rules looked at.
   */
  repositoryOutcome(tree: string, sizeOf: (path: string) => number): RepositoryOutcome | undefined {
    const stored = this.previousRepository;
    if (!stored || stored.t !== tree || stored.s.some(([path, size]) => sizeOf(path) !== size)) return undefined;
    this.nextRepository = stored;
    return {
      findings: (stored.f ?? []).map((finding) => this.hydrate(finding)),
      errors: stored.e ?? [],
      truncated: (stored.c ?? []).map(([ruleId, omitted]) => ({ ruleId, omitted })),
    };
  }

  setRepositoryOutcome(tree: string, sizes: ReadonlyMap<string, number>, outcome: RepositoryOutcome): void {
    const stored: StoredRepository = { t: tree, s: [...sizes] };
    if (outcome.findings.length > 0) stored.f = outcome.findings.map((finding) => this.dehydrate(finding));
    if (outcome.errors.length > 0) stored.e = outcome.errors;
    if (outcome.truncated.length > 0) stored.c = outcome.truncated.map(({ ruleId, omitted }) => [ruleId, omitted]);
    this.nextRepository = stored;
  }

  /** Writes the cache file, unless it would be the same: every entry known unchanged, none gone, the same repository outcome. */
  save(): void {
    // Without an outcome of this scan, the previous one holds only while no file entry changed.
    const repository = this.nextRepository ?? (this.changed ? undefined : this.previousRepository);
    const sameEntries = !this.changed && Object.keys(this.next).length === Object.keys(this.previous).length;
    if (sameEntries && repository === this.previousRepository) return;
    const temporary = `${this.path}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify({ version: CACHE_VERSION, entries: this.next, repository } satisfies CacheFile));
    renameSync(temporary, this.path);
  }

  private stored(path: string): StoredEntry | undefined {
    return Object.prototype.hasOwnProperty.call(this.previous, path) ? this.previous[path] : undefined;
  }

  private outcomeOf(path: string, stored: StoredEntry): FileOutcome {
    const findings = (stored.f ?? []).map((finding) => this.hydrate(finding));
    const outcome: FileOutcome = { path, scanned: stored.r === 1, findings, errors: stored.e ?? [], suppressions: stored.x ?? [], objects: stored.o ?? [] };
    if (stored.sk) outcome.skipped = stored.sk;
    return outcome;
  }

  private dehydrate({ severity: _s, domain: _d, references: _r, ...stored }: Finding): StoredFinding {
    return stored;
  }

  /** In the order the evaluation writes a finding's fields, so that a report from the cache is byte for byte the same. */
  private hydrate({ ruleId, message, ...rest }: StoredFinding): Finding {
    const { severity, domain, references } = this.fromRule.get(ruleId)!;
    return { ruleId, severity, domain, message, references, ...rest };
  }
}
