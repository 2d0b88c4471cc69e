// The contract every check kind fulfils. A check is compiled once per run from its rule,
// then run on each document; it returns violations, or null when it does not apply
// (an HTML page-only check on a partial), which the combinators propagate.

import { lstatSync } from 'node:fs';
import { join } from 'node:path';
import type { DocumentKind, Rule } from '../../model/types.js';
import type { SourceFile } from '../../parse/source-file.js';

export interface RepositoryTree {
  /** Every file path of the target (scanned or not), POSIX, sorted. */
  files: string[];
  directories: string[];
  fileSet: ReadonlySet<string>;
  directorySet: ReadonlySet<string>;
  /** Size in bytes of a file of the tree (looked up when first asked). */
  sizeOf(path: string): number;
  /** The sizes looked up so far: what an outcome of the repository rules depends on besides the paths. */
  readonly sizesAsked: ReadonlyMap<string, number>;
  /** Kubernetes objects of every scanned file, when a repository rule needs them. */
  objects: ObjectFact[];
}

/** The tree of a target, with file sizes looked up on demand. */
export function repositoryTree(root: string, files: string[], directories: string[]): RepositoryTree {
  const sizes = new Map<string, number>();
  return {
    files,
    directories,
    fileSet: new Set(files),
    directorySet: new Set(directories),
    sizeOf(path) {
      let size = sizes.get(path);
      if (size === undefined) {
        try {
          size = lstatSync(join(root, path)).size;
        } catch {
          size = 0;
        }
        sizes.set(path, size);
      }
      return size;
    },
    sizesAsked: sizes,
    objects: [],
  };
}

export interface ObjectFact {
  file: string;
  line: number;
  kind: string;
  name: string;
  namespace?: string;
  /**
   * The indices of the rule index's object conditions (the `where` schemas of objects checks)
   * the object satisfies; its content itself is not kept.
   */
  satisfies?: number[];
}

export interface CheckContext {
  /** The document under evaluation; absent for repository rules. */
  file?: SourceFile;
  repository: RepositoryTree;
}

export interface Violation {
  /** A path other than the document's (repository checks name the file they found). */
  file?: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  /** The offending value, for the message. */
  value?: string;
  name?: string;
  kind?: string;
  /** Identity of the violation inside its file that survives unrelated edits. */
  key: string;
  /** The value must never be shown in full. */
  redact?: boolean;
  /** The line holds a secret whose extent is unknown: show it only up to its separator. */
  redactLine?: boolean;
}

export type CompiledCheck = (context: CheckContext) => Violation[] | null;

export interface CheckCompiler<Spec> {
  /** Document kinds this check can run on. */
  kinds: readonly DocumentKind[];
  compile(spec: Spec, rule: Rule, kind: DocumentKind): CompiledCheck;
}

/** A problem in a rule found while compiling it; `path` names the offending key. */
export class RuleCompileError extends Error {
  constructor(
    message: string,
    readonly path: (string | number)[],
  ) {
    super(message);
  }
}
