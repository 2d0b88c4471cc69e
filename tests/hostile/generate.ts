// The hostile tree: fixtures/hostile/ (small files, committed) copied to a temporary folder, plus
// the files that are too large, or cannot be committed, made at test time: alias bombs, nesting
// 100,000 deep, a 2 GiB sparse file, a 50 MB line, huge Dockerfiles and HTML, symbolic links out of
// the target and in loops, FIFOs, hard-to-quote names, unreadable files.
//
// Layout of what generateHostileTree returns:
//   <root>/               the "parent" folder: it holds what the target must never reach
//   <root>/outside/       files outside the target (a finding and a token that must never appear)
//   <root>/target/        the folder to scan
// `expected` says, for each hostile file, how the report must list it, and, for each clean file,
// the findings (rule and line) it must still yield.

import { execFileSync } from 'node:child_process';
import { chmodSync, closeSync, cpSync, ftruncateSync, mkdirSync, mkdtempSync, openSync, rmSync, symlinkSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES = fileURLToPath(new URL('../../fixtures/hostile', import.meta.url));

/** Depth of the nested YAML and JSON, number of Dockerfile instructions, continuations, unclosed tags. */
export const HUGE = 100_000;
/** A token that lives only outside the target: it must never appear in any output. */
export const OUTSIDE_TOKEN = 'ghp_OUTSIDE0target0must0never0be0read0';
/** Token-shaped strings planted inside the target (fixtures/hostile/injection): masked in every output. */
export const PLANTED_TOKENS = ['ghp_CADRE0fake0token0for0tests0only0000', 'glpat-CADREfakeTokenTests01'];

export type Expectation =
  /** Listed in `skipped` with this reason (and, when given, a detail matching). */
  | { skipped: string; detail?: RegExp }
  /** Listed in `errors` with a message matching. */
  | { error: RegExp }
  /** Scanned; these rules report it at these lines (and it is neither skipped nor in errors, unless allowed). */
  | { findings: [ruleId: string, line: number][]; errorsAllowed?: boolean };

export interface HostileTree {
  root: string;
  target: string;
  /** POSIX path relative to the target → what the report must say about it. */
  expected: Record<string, Expectation>;
  /** Whether chmod 000 stops this process from reading (false when running as root). */
  permissionsEnforced: boolean;
  cleanup(): void;
}

const deployment = (name = 'api') =>
  [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    `  name: ${name}`,
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    '        - name: api',
    '          image: registry.example.gouv.fr/api:1.2.3',
    '          securityContext:',
    '            privileged: true',
    '',
  ].join('\n');
/** Line of `privileged: true` in deployment(). */
const PRIVILEGED_LINE = 12;

/** The committed files and what they must yield. */
const COMMITTED: Record<string, Expectation> = {
  'clean/Dockerfile': { findings: [['docker-user-non-root', 4]] },
  'clean/deployment.yaml': { findings: [['k8s-privileged-container', 12]] },
  'clean/index.html': { findings: [['a11y-img-alt', 6]] },
  'encoding/invalid-utf8.yaml': { findings: [['k8s-privileged-container', 13]] },
  'encoding/utf16le-bom.yaml': { findings: [['k8s-privileged-container', 13]] },
  'encoding/utf16be-bom.Dockerfile': { findings: [['docker-user-non-root', 3]] },
  'encoding/utf8-bom.html': { findings: [['a11y-img-alt', 3]] },
  'endings/crlf.yaml': { findings: [['k8s-privileged-container', 13]] },
  'endings/cr.yaml': { findings: [['k8s-privileged-container', 13]] },
  'endings/mixed.yaml': { findings: [['k8s-privileged-container', 13]] },
  'endings/crlf.Dockerfile': { findings: [['docker-user-non-root', 5]] },
  'endings/cr.Dockerfile': { findings: [['docker-user-non-root', 5]] },
  'endings/crlf.html': { findings: [['a11y-img-alt', 4]] },
  'endings/cr.html': { findings: [['a11y-img-alt', 4]] },
  'injection/Dockerfile': { findings: [['docker-user-non-root', 3]] },
  'injection/deployment.yaml': { findings: [['k8s-privileged-container', 12]] },
  'injection/page.html': { findings: [['a11y-img-alt', 3]] },
  'binary/values.yaml': { skipped: 'binary' },
  'binary/app.js': { skipped: 'binary' },
  'binary/Dockerfile': { skipped: 'binary' },
  'binary/page.html': { skipped: 'binary' },
  // Every field has the wrong type: no rule may fail on it (findings are allowed, crashes are not).
  'kubernetes/wrong-types.yaml': { findings: [] },
};

/** Names a shell, a CI log, Markdown, HTML or XML would choke on; each holds a privileged Deployment. */
export const HARD_NAMES = [
  'with space.yaml',
  'new\nline.yaml',
  'carriage\rreturn.yaml',
  `quo'te"s.yaml`,
  'é🙂ünïcode.yaml',
  '-leading-dash.yaml',
  '--help.yaml',
  '::error::name.yaml',
  '%0A::add-mask::x.yaml',
  '<img src=x onerror=alert(1)>.html.yaml',
  '$(touch pwned).yaml',
  '`id`.yaml',
  'esc\u001b[31mred.yaml',
  'bidi\u202egnp.yaml',
  '[link](javascript:alert(1)).yaml',
  '#hash&amp;.yaml',
  `${'n'.repeat(240)}.yaml`,
];

export function generateHostileTree(): HostileTree {
  const root = mkdtempSync(join(tmpdir(), 'cadre-hostile-'));
  const target = join(root, 'target');
  cpSync(FIXTURES, target, { recursive: true });
  const expected: Record<string, Expectation> = { ...COMMITTED };
  const write = (path: string, content: string | Buffer) => {
    mkdirSync(dirname(join(target, path)), { recursive: true });
    writeFileSync(join(target, path), content);
  };

  // Outside the target: what a followed link would reveal.
  mkdirSync(join(root, 'outside'));
  writeFileSync(join(root, 'outside', 'secret.yaml'), `${deployment('outside')}# ${OUTSIDE_TOKEN}\n`);
  writeFileSync(join(root, 'outside', 'ignore-everything'), '*\n');

  // YAML billion laughs: 10 levels of 10 aliases, 10^10 nodes once expanded.
  const laughs = ['apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: lol}', 'data:', '  l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let i = 1; i <= 9; i++) laughs.push(`  l${i}: &l${i} [${Array(10).fill(`*l${i - 1}`).join(', ')}]`);
  write('bombs/billion-laughs.yaml', `${laughs.join('\n')}\n`);
  expected['bombs/billion-laughs.yaml'] = { error: /alias/i };
  // Nesting 100,000 deep (flow) and 1,000 deep (block).
  write('bombs/nested.yaml', `apiVersion: v1\nkind: Pod\nspec: ${'['.repeat(HUGE)}${']'.repeat(HUGE)}\n`);
  expected['bombs/nested.yaml'] = { error: /deep|nest|depth/i };
  write('bombs/nested-block.yaml', `apiVersion: v1\nkind: Pod\nspec:\n${Array.from({ length: 1000 }, (_, i) => `${' '.repeat(i)}- `).join('\n')}x\n`);
  expected['bombs/nested-block.yaml'] = { error: /deep|nest|depth/i };
  write('bombs/nested.json', `{"apiVersion": "v1", "kind": "Pod", "spec": ${'{"a": '.repeat(HUGE)}1${'}'.repeat(HUGE)}}\n`);
  expected['bombs/nested.json'] = { error: /deep|nest|depth/i };
  write('bombs/nested-array.json', `{"apiVersion": "v1", "kind": "Pod", "spec": ${'['.repeat(HUGE)}${']'.repeat(HUGE)}}\n`);
  expected['bombs/nested-array.json'] = { error: /deep|nest|depth/i };

  // 2 GiB, sparse: no byte is written.
  mkdirSync(join(target, 'large'), { recursive: true });
  const sparse = openSync(join(target, 'large', 'sparse.yaml'), 'w');
  ftruncateSync(sparse, 2 * 1024 ** 3);
  closeSync(sparse);
  expected['large/sparse.yaml'] = { skipped: 'too-large', detail: /^2147483648 > \d+ bytes$/ };
  // One line of 50 MB.
  const line = openSync(join(target, 'large', 'one-line.js'), 'w');
  const chunk = Buffer.alloc(1024 * 1024, 'a');
  for (let i = 0; i < 50; i++) writeSync(line, chunk);
  closeSync(line);
  expected['large/one-line.js'] = { skipped: 'too-large' };

  // Dockerfiles of 100,000 instructions and of 100,000 line continuations; HTML 100,000 tags deep.
  write('huge/instructions.Dockerfile', `FROM alpine:3.20\n${'RUN true\n'.repeat(HUGE - 2)}USER root\n`);
  expected['huge/instructions.Dockerfile'] = { findings: [['docker-user-non-root', HUGE]], errorsAllowed: true };
  write('huge/continuations.Dockerfile', `FROM alpine:3.20\nRUN true \\\n${'  && true \\\n'.repeat(HUGE)}  && true\nUSER root\n`);
  expected['huge/continuations.Dockerfile'] = { findings: [['docker-user-non-root', HUGE + 4]], errorsAllowed: true };
  // Browsers cap nesting (at 512): the page is still judged, its <img> found at its line.
  write('huge/unclosed.html', `<!doctype html>\n<html lang="fr"><head><title>x</title></head><body>\n${'<div>'.repeat(HUGE)}\n<img src="deep.png">\n`);
  expected['huge/unclosed.html'] = { findings: [['a11y-img-alt', 4]] };

  // Symbolic links: out of the target, to its parent, to themselves, in loops. None is followed.
  mkdirSync(join(target, 'links'));
  const link = (to: string, path: string, detail: RegExp) => {
    symlinkSync(to, join(target, path));
    expected[path] = { skipped: 'symlink', detail };
  };
  link('/etc/passwd', 'links/passwd.yaml', /^outside-target$/);
  link('/etc', 'links/etc', /^outside-target$/);
  link('..', 'parent-of-target', /^outside-target$/);
  link('../..', 'links/parent-of-target', /^outside-target$/);
  link(join(root, 'outside', 'secret.yaml'), 'links/outside-secret.yaml', /^outside-target$/);
  link('../../outside', 'links/outside-dir', /^outside-target$/);
  link('self', 'links/self', /^broken-or-loop$/);
  link('loop-b', 'links/loop-a', /^broken-or-loop$/);
  link('loop-a', 'links/loop-b', /^broken-or-loop$/);
  link('.', 'links/dot', /^inside-target$/);
  link('../clean/deployment.yaml', 'links/inside.yaml', /^inside-target$/);
  link('does-not-exist', 'links/broken.yaml', /^broken-or-loop$/);
  // A .gitignore that is a link out of the target, and one that is a FIFO: never read.
  mkdirSync(join(target, 'gitignore-link'));
  symlinkSync(join(root, 'outside', 'ignore-everything'), join(target, 'gitignore-link', '.gitignore'));
  expected['gitignore-link/.gitignore'] = { skipped: 'symlink', detail: /^outside-target$/ };
  write('gitignore-link/deployment.yaml', deployment());
  expected['gitignore-link/deployment.yaml'] = { findings: [['k8s-privileged-container', PRIVILEGED_LINE]] };
  mkdirSync(join(target, 'gitignore-fifo'));
  execFileSync('mkfifo', [join(target, 'gitignore-fifo', '.gitignore')]);
  expected['gitignore-fifo/.gitignore'] = { skipped: 'special-file' };
  write('gitignore-fifo/deployment.yaml', deployment());
  expected['gitignore-fifo/deployment.yaml'] = { findings: [['k8s-privileged-container', PRIVILEGED_LINE]] };
  // Special files.
  execFileSync('mkfifo', [join(target, 'links', 'fifo.yaml')]);
  expected['links/fifo.yaml'] = { skipped: 'special-file' };

  // A path 80 folders deep under the .gitignore pattern a/**/a/**/…/b: a backtracking matcher never ends.
  const deep = `${Array(80).fill('a').join('/')}/deployment.yaml`;
  write(deep, deployment());
  expected[deep] = { findings: [['k8s-privileged-container', PRIVILEGED_LINE]] };
  // A name of 'a' × 200 under *a*a*a…*b.
  write(`names/${'a'.repeat(200)}`, 'nothing\n');

  // Hard-to-quote names, each holding a finding so that its name travels into every output.
  for (const name of HARD_NAMES) {
    write(`names/${name}`, deployment());
    expected[`names/${name}`] = { findings: [['k8s-privileged-container', PRIVILEGED_LINE]] };
  }

  // At the root, names that would start a console line: an error and an invalid inline suppression.
  write('::error::root.yaml', 'apiVersion: v1\nkind: Pod\nspec: [unclosed\n');
  expected['::error::root.yaml'] = { error: /yaml/i };
  write('::warning::inline.Dockerfile', 'FROM alpine:3.20\n# cadre-ignore docker-user-non-root\nUSER root\n');
  expected['::warning::inline.Dockerfile'] = { findings: [['docker-user-non-root', 3]] };
  write('##[error]legacy.yaml', deployment());
  expected['##[error]legacy.yaml'] = { findings: [['k8s-privileged-container', PRIVILEGED_LINE]] };

  // Unreadable file and folder. As root chmod does not stop reads: then they are simply scanned.
  write('unreadable/file.yaml', deployment());
  write('unreadable-dir/inside.yaml', deployment());
  chmodSync(join(target, 'unreadable', 'file.yaml'), 0o000);
  chmodSync(join(target, 'unreadable-dir'), 0o000);
  const permissionsEnforced = !canRead(join(target, 'unreadable', 'file.yaml'));
  if (permissionsEnforced) {
    expected['unreadable/file.yaml'] = { skipped: 'unreadable', detail: /^EACCES$/ };
    expected['unreadable-dir'] = { skipped: 'unreadable' };
  } else {
    expected['unreadable/file.yaml'] = { findings: [['k8s-privileged-container', PRIVILEGED_LINE]] };
    expected['unreadable-dir/inside.yaml'] = { findings: [['k8s-privileged-container', PRIVILEGED_LINE]] };
  }

  return {
    root,
    target,
    expected,
    permissionsEnforced,
    cleanup: () => {
      try {
        chmodSync(join(target, 'unreadable-dir'), 0o755);
      } catch {
        // already gone
      }
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** A folder of `count` empty files, spread over folders of 1,000. */
export function generateEmptyFiles(count: number): { root: string; target: string; cleanup(): void } {
  const root = mkdtempSync(join(tmpdir(), 'cadre-empty-'));
  const target = join(root, 'target');
  for (let i = 0; i < count; i++) {
    const folder = join(target, `d${Math.floor(i / 1000)}`);
    if (i % 1000 === 0) mkdirSync(folder, { recursive: true });
    closeSync(openSync(join(folder, `f${i}.yaml`), 'w'));
  }
  return { root, target, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

function canRead(path: string): boolean {
  try {
    closeSync(openSync(path, 'r'));
    return true;
  } catch {
    return false;
  }
}
