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

  constructor(private readonly root: string) {}

  /**
   * True when `relativePath` (POSIX, relative to root) is ignored by the .gitignore files above it.
   * Only the path itself is judged: the walk never enters an ignored folder.
   */
  ignores(relativePath: string, isDirectory: boolean): boolean {
    const parts = relativePath.split('/');
    // The deepest .gitignore with a pattern matching the path decides.
    for (let depth = parts.length - 1; depth >= 0; depth--) {
      const rules = this.rulesOf(parts.slice(0, depth).join('/'));
      if (!rules) continue;
      const rest = parts.slice(depth);
      for (let i = rules.length - 1; i >= 0; i--) {
        const rule = rules[i];
        if (rule.directoryOnly && !isDirectory) continue;
        const matched = rule.anchored ? matchSegments(rule.pattern, rest) : matchSegments(rule.pattern, [rest[rest.length - 1]]);
        if (matched) return !rule.negated;
      }
    }
    return false;
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
