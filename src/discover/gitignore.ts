// .gitignore semantics for the walk: every .gitignore applies to its own folder and below,
// read lazily the first time the walk enters that folder.
//
// A .gitignore is the repository's, so hostile: it is read as git reads it (never through a
// symbolic link), only when it is a regular file (a FIFO would block the walk) of at most
// MAX_GITIGNORE_BYTES, and its patterns are matched by ./glob.ts in time bounded by the lengths
// of pattern and path (a backtracking matcher never ends on `a/**/a/**/…/b` against a deep path).
//
// Git's rules: blank lines and `#` lines are nothing; trailing spaces are dropped unless escaped;
// `!` re-includes; a trailing `/` matches folders only; a pattern with a slash at the start or in
// the middle is relative to the .gitignore's folder, one without matches a name at any depth;
// `**/` leading, `/**` trailing and `/**/` inside span folders; the last matching pattern wins,
// and a deeper .gitignore overrides a higher one. A file inside an ignored folder is never seen:
// the walk does not enter the folder.

import { join } from 'node:path';
import { readSmallFile } from '../parse/read.js';
import { compilePath, compileSegment, GLOBSTAR, matchSegments, type PathPattern } from './glob.js';

const MAX_GITIGNORE_BYTES = 256 * 1024;

interface IgnoreRule {
  negated: boolean;
  directoryOnly: boolean;
  /** Relative to the .gitignore's folder; otherwise a pattern on the last name. */
  anchored: boolean;
  pattern: PathPattern;
}

export class GitignoreTree {
  private readonly byFolder = new Map<string, IgnoreRule[] | null>();
  /** For each folder walked, the .gitignore files that apply in it: its own and its ancestors', top first. */
  private readonly chains = new Map<string, { depth: number; rules: IgnoreRule[] }[]>();

  constructor(private readonly root: string) {}

  /**
   * True when `relativePath` (POSIX, relative to root) is ignored by the .gitignore files above it.
   * Only the path itself is judged: the walk never enters an ignored folder.
   */
  ignores(relativePath: string, isDirectory: boolean): boolean {
    const slash = relativePath.lastIndexOf('/');
    const chain = this.chainOf(slash < 0 ? '' : relativePath.slice(0, slash));
    if (chain.length === 0) return false;
    const parts = relativePath.split('/');
    // The deepest .gitignore with a pattern matching the path decides.
    for (let c = chain.length - 1; c >= 0; c--) {
      const { depth, rules } = chain[c];
      const rest = depth === 0 ? parts : parts.slice(depth);
      for (let i = rules.length - 1; i >= 0; i--) {
        const rule = rules[i];
        if (rule.directoryOnly && !isDirectory) continue;
        const matched = rule.anchored ? matchSegments(rule.pattern, rest) : matchSegments(rule.pattern, [rest[rest.length - 1]]);
        if (matched) return !rule.negated;
      }
    }
    return false;
  }

  private chainOf(folder: string): { depth: number; rules: IgnoreRule[] }[] {
    let chain = this.chains.get(folder);
    if (chain) return chain;
    const slash = folder.lastIndexOf('/');
    const parent = folder === '' ? [] : this.chainOf(slash < 0 ? '' : folder.slice(0, slash));
    const own = this.rulesOf(folder);
    chain = own ? [...parent, { depth: folder === '' ? 0 : folder.split('/').length, rules: own }] : parent;
    this.chains.set(folder, chain);
    return chain;
  }

  /** The walk lists each folder before judging its entries: a folder without .gitignore is not looked at again. */
  listed(folder: string, hasGitignore: boolean): void {
    if (!hasGitignore && !this.byFolder.has(folder)) this.byFolder.set(folder, null);
  }

  private rulesOf(folder: string): IgnoreRule[] | null {
    let rules = this.byFolder.get(folder);
    if (rules !== undefined) return rules;
    const read = readSmallFile(join(this.root, folder, '.gitignore'), MAX_GITIGNORE_BYTES);
    // No .gitignore here, or a link, a special file, too large or unreadable: nothing is ignored by it.
    rules = 'text' in read ? parseGitignore(read.text) : null;
    if (rules?.length === 0) rules = null;
    this.byFolder.set(folder, rules);
    return rules;
  }
}

export function parseGitignore(text: string): IgnoreRule[] {
  const rules: IgnoreRule[] = [];
  for (const raw of text.split(/\r?\n/)) {
    let line = raw;
    if (line === '' || line.startsWith('#')) continue;
    // Trailing spaces are dropped unless escaped with a backslash.
    line = trimTrailingSpaces(line);
    if (line === '') continue;
    let negated = false;
    if (line.startsWith('!')) {
      negated = true;
      line = line.slice(1);
    }
    let directoryOnly = false;
    if (line.endsWith('/')) {
      directoryOnly = true;
      line = line.slice(0, -1);
    }
    if (line === '') continue;
    const anchored = line.includes('/');
    if (line.startsWith('/')) line = line.slice(1);
    if (line === '') continue;
    let pattern: PathPattern;
    if (anchored) {
      pattern = compilePath(line, { keepEmptySegments: true, starRunsAreGlobstars: true });
      // A trailing /** matches everything inside the folder, not the folder itself.
      if (pattern.length > 1 && pattern[pattern.length - 1] === GLOBSTAR) pattern.splice(pattern.length - 1, 0, compileSegment('?*'));
    } else {
      // Without a slash, `**` is a plain star.
      pattern = [compileSegment(line.replace(/\*{2,}/g, '*'))];
    }
    rules.push({ negated, directoryOnly, anchored, pattern });
  }
  return rules;
}

function trimTrailingSpaces(line: string): string {
  let end = line.length;
  while (end > 0 && line[end - 1] === ' ') {
    // An escaped space ends the trimming: count the backslashes before it.
    let backslashes = 0;
    for (let i = end - 2; i >= 0 && line[i] === '\\'; i--) backslashes++;
    if (backslashes % 2 === 1) break;
    end--;
  }
  return line.slice(0, end);
}
