#!/usr/bin/env node
// Stand-in for rsync, used by the gitlab-ci-local test only on machines without rsync.
// gitlab-ci-local copies files with rsync in three ways, which this reproduces (nothing more):
//   rsync -a --delete-excluded --delete --exclude-from=FILE --exclude DIR/ ./ DIR/builds/NAME/
//        the tracked files of the repository into a job's build folder (shell isolation);
//   rsync --exclude 'PATTERN' -rRa --files-from=LIST . DIR/artifacts/NAME/.
//        a job's artifacts (paths kept relative, -R) into the artifacts folder;
//   rsync -a DIR/artifacts/NAME/. DIR/builds/OTHER
//        those artifacts into the build folder of a later job.

import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';

const args = process.argv.slice(2);
const excludes = [];
const positional = [];
let filesFrom;
let del = false;
for (let i = 0; i < args.length; i++) {
  const arg = args[i];
  if (arg.startsWith('--exclude-from=')) {
    const file = arg.slice('--exclude-from='.length);
    if (existsSync(file)) excludes.push(...readFileSync(file, 'utf8').split('\n').filter(Boolean));
  } else if (arg === '--exclude') excludes.push(args[++i]);
  else if (arg.startsWith('--exclude=')) excludes.push(arg.slice('--exclude='.length));
  else if (arg.startsWith('--files-from=')) filesFrom = arg.slice('--files-from='.length);
  else if (arg === '--delete') del = true;
  else if (!arg.startsWith('-')) positional.push(arg);
}
if (positional.length !== 2) {
  process.stderr.write(`rsync shim: expected SRC DEST, got ${positional.join(' ')}\n`);
  process.exit(1);
}
const [srcArg, destArg] = positional;
const contentsOnly = /\/\.?$/.test(srcArg) || srcArg === '.';
const src = resolve(srcArg);
let dest = resolve(destArg);
if (!contentsOnly) dest = join(dest, basename(src));

// rsync patterns: a leading / anchors at the root of the transfer, a trailing / means a folder,
// ** matches across folders.
const matchers = excludes.map((pattern) => {
  const anchored = pattern.startsWith('/');
  const body = pattern.replace(/^\/+/, '').replace(/\/+$/, '');
  const regex = body
    .split('**')
    .map((part) => part.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]'))
    .join('.*');
  return new RegExp(anchored ? `^${regex}(/.*)?$` : `(^|/)${regex}(/.*)?$`);
});
const excluded = (path) => {
  const rel = relative(src, path).split('\\').join('/');
  return rel !== '' && matchers.some((m) => m.test(rel));
};
const copy = (from, to) => {
  if (excluded(from)) return;
  mkdirSync(dirname(to), { recursive: true });
  cpSync(from, to, { recursive: true, force: true, filter: (path) => !excluded(path), verbatimSymlinks: true });
};

if (filesFrom) {
  const list = existsSync(filesFrom) ? readFileSync(filesFrom, 'utf8').split('\n').filter(Boolean) : [];
  for (const entry of list) {
    const from = resolve(src, entry);
    if (existsSync(from)) copy(from, join(dest, relative(src, from)));
  }
} else if (!statSync(src).isDirectory()) {
  copy(src, dest);
} else {
  if (del) rmSync(dest, { recursive: true, force: true });
  mkdirSync(dest, { recursive: true });
  {
    // Entry by entry: DEST may lie inside SRC, which a single recursive copy refuses.
    for (const name of readdirSync(src)) {
      const from = join(src, name);
      if (resolve(from) === dest || dest.startsWith(`${resolve(from)}/`)) {
        if (!excluded(from)) process.stderr.write(`rsync shim: ${from} holds the destination and is not excluded\n`);
        continue;
      }
      copy(from, join(dest, name));
    }
  }
}
