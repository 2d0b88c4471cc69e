// .gitignore semantics for the walk: every .gitignore applies to its own folder and below,
// read lazily the first time the walk enters that folder. Matching is done by `ignore`,
// which implements git's rules.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ignore, { type Ignore } from 'ignore';

const MAX_GITIGNORE_BYTES = 256 * 1024;

export class GitignoreTree {
  private readonly byFolder = new Map<string, Ignore | null>();

  constructor(private readonly root: string) {}

  /** True when `relativePath` (POSIX, relative to root) is ignored by some .gitignore above it. */
  ignores(relativePath: string, isDirectory: boolean): boolean {
    const parts = relativePath.split('/');
    for (let depth = 0; depth < parts.length; depth++) {
      const folder = parts.slice(0, depth).join('/');
      const rules = this.rulesOf(folder);
      if (!rules) continue;
      const rest = parts.slice(depth).join('/') + (isDirectory ? '/' : '');
      if (rules.ignores(rest)) return true;
    }
    return false;
  }

  private rulesOf(folder: string): Ignore | null {
    let rules = this.byFolder.get(folder);
    if (rules !== undefined) return rules;
    rules = null;
    try {
      const text = readFileSync(join(this.root, folder, '.gitignore'), 'utf8');
      if (text.length <= MAX_GITIGNORE_BYTES) rules = ignore().add(text);
    } catch {
      // No .gitignore here, or it cannot be read or parsed: nothing is ignored by it.
    }
    this.byFolder.set(folder, rules);
    return rules;
  }
}
