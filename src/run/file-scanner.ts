// The work done for one file: read it once, decode it, evaluate the rules that apply to it,
// find its inline suppressions and, when repository rules need them, its Kubernetes objects.
// The outcome is plain data, so it can come back from a worker thread or from the cache.

import { join } from 'node:path';
import type { Finding, Lang, Rule, ScanError, SkippedFile } from '../model/types.js';
import { decode, isEightBitText, readBytes } from '../parse/read.js';
import { ContentCache, type FileStamp } from './cache.js';
import { SourceFile, type ParsedKind } from '../parse/source-file.js';
import { keywordSearch, type KeywordSearch } from '../parse/keywords.js';
import type { ObjectFact, RepositoryTree } from '../evaluate/checks/check.js';
import { RuleIndex, type CompiledRule } from '../evaluate/compile.js';
import { collectObjectFacts, evaluateFile, type RuleTiming } from '../evaluate/evaluate-file.js';
import { FindingBuilder } from '../evaluate/findings.js';
import { findInlineSuppressions, INLINE_MARKER, type InlineSuppression } from '../waive/inline.js';

export interface FileTask {
  path: string;
  /** Rules apply to the file (false: only its Kubernetes objects are wanted). */
  evaluate: boolean;
  collectObjects: boolean;
  /** Some rule of the file also looks at the file tree: its outcome changes when files are added or removed. */
  usesTree: boolean;
  /** The cache's previous outcome for this path, used when the content hash still matches. */
  cached?: { hash: string; outcome: FileOutcome };
  /** Compute the content hash (a cache is in use). */
  hash?: boolean;
}

export interface FileOutcome {
  path: string;
  /** The file was read and its rules evaluated. */
  scanned: boolean;
  skipped?: SkippedFile;
  findings: Finding[];
  errors: ScanError[];
  suppressions: InlineSuppression[];
  objects: ObjectFact[];
  /** SHA-256 of the content and the file's stamp, when a cache is in use. */
  hash?: string;
  stamp?: FileStamp;
  fromCache?: boolean;
}

export interface ScannerOptions {
  target: string;
  lang: Lang;
  maxFileSize: number;
  timings: boolean;
}

export interface ScannerTimings {
  read: number;
  evaluate: number;
  parse: Partial<Record<ParsedKind, number>>;
  rules: Map<string, RuleTiming>;
}

export class FileScanner {
  readonly index: RuleIndex;
  readonly timings: ScannerTimings = { read: 0, evaluate: 0, parse: {}, rules: new Map() };
  /** Repository facts file rules may consult (file tree only; objects are for repository rules). */
  private repository: RepositoryTree;

  /** The rules' keywords and the inline suppression marker, all found in one pass over a file. */
  private readonly keywords: KeywordSearch;

  constructor(
    readonly rules: Rule[],
    private readonly options: ScannerOptions,
    repository: RepositoryTree,
  ) {
    this.index = new RuleIndex(rules);
    this.repository = repository;
    this.keywords = keywordSearch([...this.index.keywords, INLINE_MARKER])!;
  }

  /** What the file needs, or null when nothing wants it (it is then never read). */
  taskFor(path: string): FileTask | null {
    const rules = this.index.rulesFor(path);
    const evaluate = rules.length > 0;
    const collectObjects = this.index.collectsObjectsOf(path);
    return evaluate || collectObjects ? { path, evaluate, collectObjects, usesTree: rules.some((compiled) => compiled.usesTree) } : null;
  }

  scan(task: FileTask): FileOutcome {
    const outcome: FileOutcome = { path: task.path, scanned: false, findings: [], errors: [], suppressions: [], objects: [] };
    const { maxFileSize } = this.options;
    let since = performance.now();
    const bytes = readBytes(join(this.options.target, task.path), maxFileSize);
    this.timings.read += performance.now() - since;
    // A file too large to read is skipped whatever it holds: its size stands for its content.
    const hash = !task.hash ? undefined : 'bytes' in bytes ? ContentCache.hash(bytes.bytes) : bytes.skip === 'too-large' ? `too-large:${bytes.stamp!.size}` : undefined;
    const stamp = bytes.stamp;
    if (hash && task.cached && task.cached.hash === hash) return { ...task.cached.outcome, hash, stamp, fromCache: true };
    if (hash) Object.assign(outcome, { hash, stamp });
    const rules = task.evaluate ? this.index.rulesFor(task.path) : [];
    if ('bytes' in bytes && rules.every(isKubernetesRule) && holdsNoKubernetesObject(bytes.bytes)) {
      outcome.scanned = task.evaluate;
      return outcome;
    }
    const read = 'bytes' in bytes ? decode(bytes.bytes) : bytes;
    if ('skip' in read) {
      if (task.evaluate) outcome.skipped = { file: task.path, reason: read.skip, ...(read.detail ? { detail: read.detail } : {}) };
      return outcome;
    }
    since = performance.now();
    const observe = this.options.timings
      ? (kind: ParsedKind, ms: number) => {
          this.timings.parse[kind] = (this.timings.parse[kind] ?? 0) + ms;
        }
      : undefined;
    const file = new SourceFile(task.path, read.text, { observe, keywords: this.keywords });
    if (task.evaluate) {
      outcome.scanned = true;
      const result = evaluateFile(file, rules, this.repository, new FindingBuilder(this.options.lang), this.options.timings ? this.timings.rules : undefined);
      outcome.findings = result.findings;
      outcome.errors = result.errors;
      if (file.hasKeyword(INLINE_MARKER)) outcome.suppressions = findInlineSuppressions(file.path, file.text, file.lines);
    }
    if (task.collectObjects) {
      const collected = collectObjectFacts(file, this.index);
      outcome.objects = collected.objects;
      const error = collected.error;
      if (task.evaluate && error && !outcome.errors.some((e) => e.file === error.file && e.line === error.line)) outcome.errors.push(error);
    }
    this.timings.evaluate += performance.now() - since;
    return outcome;
  }
}

const isKubernetesRule = (compiled: CompiledRule) => compiled.rule.target.kind === 'kubernetes';

/**
 * A file only Kubernetes rules want (or only the repository rules' object collection) is not
 * even decoded when its bytes lack a word every object holds. Text files only: the words of a
 * UTF-16 file are seen once decoded; and an inline suppression must still be found.
 */
function holdsNoKubernetesObject(bytes: Buffer): boolean {
  return isEightBitText(bytes) && (!bytes.includes('apiVersion') || !bytes.includes('kind')) && !bytes.includes(INLINE_MARKER);
}
