// Repository check: conditions on the file tree, such as "a LICENSE exists" or
// "no .env file is committed", optionally repeated in the folder of every matching file.
// Patterns are relative to the target's root (or, with forEach, to each matching file's folder).

import { posix } from 'node:path';
import { hasMagic } from 'glob';
import type { RepositoryCheck } from '../../model/types.js';
import { globMatcher } from '../../discover/walk.js';
import type { CheckCompiler, RepositoryTree, Violation } from './check.js';

export const repositoryCheck: CheckCompiler<RepositoryCheck> = {
  kinds: ['repository', 'text', 'yaml', 'json', 'kubernetes', 'dockerfile', 'html'],
  compile(spec) {
    const exists = (spec.exists ?? []).map((pattern) => globMatcher(pattern, { anchored: true }));
    const missing = spec.missing ?? [];
    const forEach = spec.forEach ? globMatcher(spec.forEach, { anchored: true }) : undefined;

    // The answer depends on the tree alone, not on the file under evaluation: a Dockerfile rule that
    // asks for a .dockerignore asks once per scan, not once per Dockerfile.
    const answers = new WeakMap<RepositoryTree, Violation[]>();
    return ({ repository }) => {
      let answer = answers.get(repository);
      if (!answer) answers.set(repository, (answer = evaluate(repository)));
      return answer.slice();
    };

    function evaluate(repository: RepositoryTree): Violation[] {
      if (exists.length > 0) {
        return repository.files
          .filter((path) => exists.some((match) => match(path)))
          .filter((path) => spec.minSize === undefined || repository.sizeOf(path) >= spec.minSize)
          .map((path): Violation => ({ file: path, key: path, value: spec.minSize === undefined ? path : `${path} (${repository.sizeOf(path)} B)` }));
      }
      if (!forEach) return anyExists(repository, '', missing) ? [] : [{ key: 'root', value: missing[0] }];
      return repository.files
        .filter((path) => forEach(path))
        .filter((path) => !anyExists(repository, posix.dirname(path), missing))
        .map((path): Violation => ({ file: path, key: path, value: posix.basename(path) }));
    }
  },
};

/** Whether a file or folder of `folder` matches one of the patterns (relative to that folder). */
function anyExists(repository: RepositoryTree, folder: string, patterns: string[]): boolean {
  const prefix = folder === '' || folder === '.' ? '' : `${folder}/`;
  return patterns.some((pattern) => {
    const full = prefix + pattern;
    if (!hasMagic(pattern)) return repository.fileSet.has(full) || repository.directorySet.has(full);
    const match = globMatcher(full, { anchored: true });
    return repository.files.some((path) => match(path)) || repository.directories.some((path) => match(path));
  });
}
