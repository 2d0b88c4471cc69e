// Discovery: which files of the target exist and may be scanned. Walks the folders, never
// follows a symbolic link, honours .gitignore and the configured include/exclude, and
// lists what it leaves aside instead of dropping it silently.

import { readdirSync, realpathSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import { braceExpand } from 'minimatch';
import { anySegment, compilePath, GLOBSTAR, pathMatcher, type PathPattern, type SegmentMatcher } from './glob.js';
import type { SkippedFile } from '../model/types.js';
import { GitignoreTree } from './gitignore.js';

export interface DiscoveredFile {
  /** POSIX path relative to the target. */
  path: string;
}

export interface Discovery {
  files: DiscoveredFile[];
  /** Every folder below the target that was walked, for repository rules. */
  directories: string[];
  skipped: SkippedFile[];
}

export interface DiscoverOptions {
  include?: string[];
  exclude?: string[];
  gitignore?: boolean;
}

/** Never scanned: version control data and installed dependencies. */
export const ALWAYS_EXCLUDED = ['.git', '.hg', '.svn', 'node_modules', '.cadre-cache'];

export async function discover(root: string, options: DiscoverOptions = {}): Promise<Discovery> {
  const gitignore = options.gitignore === false ? undefined : new GitignoreTree(root);
  const excludes = (options.exclude ?? []).map((pattern) => globMatcher(pattern));
  const includes = options.include?.length ? options.include.map((pattern) => globMatcher(pattern)) : undefined;
  const excluded = (relative: string, name: string, isDirectory: boolean): boolean => {
    if (ALWAYS_EXCLUDED.includes(name)) return true;
    if (excludes.some((match) => match(relative) || (isDirectory && match(`${relative}/`)))) return true;
    return gitignore?.ignores(relative, isDirectory) ?? false;
  };

  const files: DiscoveredFile[] = [];
  const directories: string[] = [];
  const skipped: SkippedFile[] = [];
  let realRoot: string | undefined;
  // Depth first with an explicit stack (no recursion, whatever the depth), without stat: the
  // directory entries' own types are enough here, and sizes are checked when a file is read.
  const pending: string[] = [''];
  while (pending.length > 0) {
    const folder = pending.pop()!;
    let entries: Dirent[];
    try {
      entries = readdirSync(folder === '' ? root : join(root, folder), { withFileTypes: true });
    } catch (error) {
      // The walk would silently find nothing in a folder it may not list: say so.
      if (folder !== '') skipped.push({ file: folder, reason: 'unreadable', detail: (error as NodeJS.ErrnoException).code ?? 'EACCES' });
      continue;
    }
    gitignore?.listed(folder, entries.some((entry) => entry.name === '.gitignore'));
    for (const entry of entries) {
      const path = folder === '' ? entry.name : `${folder}/${entry.name}`;
      const isDirectory = entry.isDirectory();
      if (excluded(path, entry.name, isDirectory)) continue;
      if (isDirectory) {
        directories.push(path);
        pending.push(path);
        continue;
      }
      if (includes && !includes.some((match) => match(path))) continue;
      if (entry.isSymbolicLink()) {
        realRoot ??= realpathSync(root);
        skipped.push({ file: path, reason: 'symlink', detail: symlinkDetail(join(root, path), realRoot) });
        continue;
      }
      if (!entry.isFile()) {
        skipped.push({ file: path, reason: 'special-file' });
        continue;
      }
      files.push({ path });
    }
  }
  const byPath = (a: { path: string }, b: { path: string }) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  files.sort(byPath);
  directories.sort();
  skipped.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { files, directories, skipped };
}

/** Says where a link leads without ever naming a path outside the target. */
function symlinkDetail(absolutePath: string, realRoot: string): string {
  try {
    const target = realpathSync(absolutePath);
    return target === realRoot || target.startsWith(realRoot + '/') ? 'inside-target' : 'outside-target';
  } catch {
    return 'broken-or-loop';
  }
}

const EXTGLOB = { extglob: true };

/** Brace alternatives beyond this make a pattern match nothing (each is tried against every path). */
const MAX_BRACE_ALTERNATIVES = 1024;

/** The compiled alternatives of a pattern with braces, or undefined when there are too many. */
function expandBraces(pattern: string): PathPattern[] | undefined {
  const segments = pattern.split('/');
  if (segments.every((segment) => balancedBraces(segment))) {
    const parts = segments.map((segment) => (segment.includes('{') ? braceExpand(segment) : [segment]));
    if (parts.some((alternatives) => alternatives.length > MAX_BRACE_ALTERNATIVES)) return undefined;
    // Compile as a path without braces, then put each name's alternatives in place.
    const shape = compilePath(parts.map((alternatives) => (alternatives.length === 1 ? alternatives[0] : 'x')).join('/'), EXTGLOB);
    const spansFolders = parts.some((alternatives) => alternatives.length > 1 && alternatives.some((a) => a === '' || /^\*\*$/.test(a)));
    if (shape.length === segments.length && !spansFolders) {
      return [
        shape.map((part, i) =>
          part === GLOBSTAR || parts[i].length === 1 ? part : anySegment(parts[i].map((alternative) => compilePath(alternative, EXTGLOB)[0]).filter((m): m is SegmentMatcher => m !== GLOBSTAR)),
        ),
      ];
    }
  }
  const alternatives = braceExpand(pattern);
  if (alternatives.length > MAX_BRACE_ALTERNATIVES) return undefined;
  return alternatives.map((alternative) => compilePath(alternative, EXTGLOB));
}

function balancedBraces(segment: string): boolean {
  let depth = 0;
  for (let i = 0; i < segment.length; i++) {
    if (segment[i] === '\\') i++;
    else if (segment[i] === '{') depth++;
    else if (segment[i] === '}' && --depth < 0) return false;
  }
  return depth === 0;
}

/**
 * Patterns without a slash match a name in any folder, as in .gitignore, unless `anchored`,
 * where every pattern is relative to the root.
 *
 * minimatch's syntax with `dot: true`: braces ({a,b}, {1..3}), extglobs (@(a|b), !(a)… not
 * nested), a leading `!` negates, a leading `#` is a comment. Matching goes through ./glob.ts, in time bounded by the
 * lengths of pattern and path (minimatch's own expressions backtrack exponentially on hostile
 * patterns such as `*a*a*a…*b`).
 */
export function globMatcher(pattern: string, options: { anchored?: boolean } = {}): (path: string) => boolean {
  if (pattern.startsWith('#')) return () => false;
  let negated = false;
  let body = pattern;
  while (body.startsWith('!')) {
    negated = !negated;
    body = body.slice(1);
  }
  const byName = !options.anchored && !body.includes('/');
  // Braces inside one name ({png,jpg}) become one name pattern; braces that span folders, whole patterns.
  const compiledAlternatives = body.includes('{') ? expandBraces(body) : [compilePath(body, EXTGLOB)];
  if (compiledAlternatives === undefined) return () => false;
  const matchers = compiledAlternatives.map((compiled) => {
    if (!byName) return pathMatcher(compiled);
    const [only] = compiled;
    return only === GLOBSTAR ? () => true : only;
  });
  const positive = matchers.length === 1 ? matchers[0] : (text: string) => matchers.some((match) => match(text));
  // A negated pattern matches any other non-empty text, as minimatch's does.
  const test = negated ? (text: string) => text !== '' && !positive(text) : positive;
  return byName ? (path) => test(path.slice(path.lastIndexOf('/') + 1)) : test;
}
