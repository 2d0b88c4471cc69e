// Discovery: which files of the target exist and may be scanned. Walks with glob, never
// follows a symbolic link, honours .gitignore and the configured include/exclude, and
// lists what it leaves aside instead of dropping it silently.

import { realpathSync } from 'node:fs';
import { globSync, type Path } from 'glob';
import { minimatch } from 'minimatch';
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
  const excluded = (p: Path, isDirectory: boolean): boolean => {
    const relative = p.relativePosix();
    if (relative === '') return false;
    if (ALWAYS_EXCLUDED.includes(p.name)) return true;
    if (excludes.some((match) => match(relative) || (isDirectory && match(`${relative}/`)))) return true;
    return gitignore?.ignores(relative, isDirectory) ?? false;
  };

  // Synchronous and without stat: the directory entries' own types are enough here, and
  // sizes are checked when a file is read (the asynchronous walk costs twice as much).
  const entries = globSync('**', {
    cwd: root,
    dot: true,
    follow: false,
    withFileTypes: true,
    ignore: {
      ignored: (p) => excluded(p, p.isDirectory()),
      childrenIgnored: (p) => excluded(p, true),
    },
  });

  const files: DiscoveredFile[] = [];
  const directories: string[] = [];
  const skipped: SkippedFile[] = [];
  let realRoot: string | undefined;
  for (const entry of entries) {
    const path = entry.relativePosix();
    if (path === '') continue;
    if (entry.isDirectory()) {
      directories.push(path);
      continue;
    }
    if (includes && !includes.some((match) => match(path))) continue;
    if (entry.isSymbolicLink()) {
      realRoot ??= realpathSync(root);
      skipped.push({ file: path, reason: 'symlink', detail: symlinkDetail(entry, realRoot) });
      continue;
    }
    if (!entry.isFile()) {
      skipped.push({ file: path, reason: 'special-file' });
      continue;
    }
    files.push({ path });
  }
  const byPath = (a: { path: string }, b: { path: string }) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  files.sort(byPath);
  directories.sort();
  skipped.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { files, directories, skipped };
}

/** Says where a link leads without ever naming a path outside the target. */
function symlinkDetail(entry: Path, realRoot: string): string {
  try {
    const target = realpathSync(entry.fullpath());
    return target === realRoot || target.startsWith(realRoot + '/') ? 'inside-target' : 'outside-target';
  } catch {
    return 'broken-or-loop';
  }
}

/**
 * Patterns without a slash match a name in any folder, as in .gitignore, unless `anchored`,
 * where every pattern is relative to the root.
 */
export function globMatcher(pattern: string, options: { anchored?: boolean } = {}): (path: string) => boolean {
  const byName = !options.anchored && !pattern.includes('/');
  const re = minimatch.makeRe(pattern, { dot: true, nocase: false });
  if (!re) return () => false;
  if (byName) {
    return (path) => re.test(path.slice(path.lastIndexOf('/') + 1));
  }
  return (path) => re.test(path);
}
