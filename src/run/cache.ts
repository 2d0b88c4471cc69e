// The content cache (`--cache`, like ESLint's): a file whose content and rule set are
// unchanged gets its previous outcome back without being evaluated again. One cache file
// per rule set (and cadre version), keyed by path and content hash. As git does, a file whose
// size, modification time and inode are those recorded is taken as unchanged without being
// read; any other file is read and compared by its content hash. The outcome of a file whose rules
// also look at the file tree (a Dockerfile and the presence of .dockerignore) is kept with a digest
// of that tree, and reused only while the tree is the same.

import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FileOutcome } from './file-scanner.js';

export interface FileStamp {
  size: number;
  mtimeMs: number;
  ino: number;
}

export interface CacheEntry {
  hash: string;
  stamp?: FileStamp;
  /** Digest of the file tree, for outcomes that depend on it. */
  tree?: string;
  outcome: FileOutcome;
}

interface CacheFile {
  version: 2;
  entries: Record<string, CacheEntry>;
}

export class ContentCache {
  private readonly previous: CacheFile['entries'];
  private readonly next: CacheFile['entries'] = {};

  constructor(
    private readonly path: string,
  ) {
    let loaded: CacheFile['entries'] = {};
    try {
      const parsed = JSON.parse(readFileSync(path, 'utf8')) as CacheFile;
      if (parsed.version === 2 && parsed.entries && typeof parsed.entries === 'object') loaded = parsed.entries;
    } catch {
      // No cache yet, or an unreadable one: start afresh.
    }
    this.previous = loaded;
  }

  static at(folder: string, rulesetDigest: string, toolVersion: string, optionsKey: string): ContentCache {
    const key = createHash('sha256').update(`${rulesetDigest}\u0000${toolVersion}\u0000${optionsKey}`).digest('hex').slice(0, 24);
    mkdirSync(folder, { recursive: true });
    return new ContentCache(join(folder, `${key}.json`));
  }

  /** Digest of a file tree: its files and folders, in order. */
  static treeDigest(files: string[], directories: string[]): string {
    const hash = createHash('sha256');
    for (const path of files) hash.update(`f${path}\u0000`);
    for (const path of directories) hash.update(`d${path}\u0000`);
    return hash.digest('hex');
  }

  static hash(bytes: Buffer): string {
    return createHash('sha256').update(bytes).digest('hex');
  }

  /**
   * The previous outcome for a path, to be used if its content hash still matches; `tree` is the
   * digest of the current file tree when the outcome depends on it.
   */
  entry(path: string, tree?: string): CacheEntry | undefined {
    const entry = Object.prototype.hasOwnProperty.call(this.previous, path) ? this.previous[path] : undefined;
    return entry && entry.tree === tree ? entry : undefined;
  }

  /** The previous outcome when the file's stamp is the recorded one (the file is then not read). */
  unchanged(path: string, stamp: FileStamp | undefined, tree?: string): FileOutcome | undefined {
    const entry = this.entry(path, tree);
    if (!entry?.stamp || !stamp) return undefined;
    const same = entry.stamp.size === stamp.size && entry.stamp.mtimeMs === stamp.mtimeMs && entry.stamp.ino === stamp.ino;
    if (!same) return undefined;
    this.next[path] = entry;
    return entry.outcome;
  }

  set(path: string, entry: CacheEntry): void {
    this.next[path] = entry;
  }

  save(): void {
    const temporary = `${this.path}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify({ version: 2, entries: this.next } satisfies CacheFile));
    renameSync(temporary, this.path);
  }
}
