// The content cache (`--cache`, like ESLint's): a file whose content and rule set are
// unchanged gets its previous outcome back without being evaluated again. One cache file
// per rule set (and cadre version), keyed by path and content hash.

import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FileOutcome } from './file-scanner.js';

interface CacheFile {
  version: 1;
  entries: Record<string, { hash: string; outcome: FileOutcome }>;
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
      if (parsed.version === 1 && parsed.entries && typeof parsed.entries === 'object') loaded = parsed.entries;
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

  static hash(bytes: Buffer): string {
    return createHash('sha256').update(bytes).digest('hex');
  }

  /** The previous outcome for a path, to be used if its content hash still matches. */
  entry(path: string): { hash: string; outcome: FileOutcome } | undefined {
    return Object.prototype.hasOwnProperty.call(this.previous, path) ? this.previous[path] : undefined;
  }

  set(path: string, hash: string, outcome: FileOutcome): void {
    this.next[path] = { hash, outcome };
  }

  save(): void {
    const temporary = `${this.path}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify({ version: 1, entries: this.next } satisfies CacheFile));
    renameSync(temporary, this.path);
  }
}
