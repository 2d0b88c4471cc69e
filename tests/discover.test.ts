// Discovery: .gitignore, include/exclude, links never followed, special files listed.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discover } from '../src/discover/walk.js';
import { repo } from './helpers.js';

describe('discover', () => {
  it('honours nested .gitignore files, the config excludes and skips .git and node_modules', async () => {
    const root = repo({
      '.gitignore': 'dist/\n*.log\n!keep.log\n',
      'src/a.ts': '',
      'src/.gitignore': 'generated.ts\n',
      'src/generated.ts': '',
      'dist/bundle.js': '',
      'debug.log': '',
      'keep.log': '',
      'node_modules/x/index.js': '',
      '.git/config': '',
      'docs/guide.md': '',
    });
    const found = await discover(root, { exclude: ['docs/**'] });
    expect(found.files.map((f) => f.path)).toEqual(['.gitignore', 'keep.log', 'src/.gitignore', 'src/a.ts']);
    const all = await discover(root, { gitignore: false });
    expect(all.files.map((f) => f.path)).toContain('dist/bundle.js');
    expect(all.files.map((f) => f.path)).not.toContain('node_modules/x/index.js');
  });

  it('never follows a symbolic link, and says where it pointed without naming the place', async () => {
    const root = repo({ 'inside.txt': 'x', 'dir/file.txt': 'y' });
    symlinkSync('/etc/passwd', join(root, 'passwd'));
    symlinkSync('../..', join(root, 'dir/parent'));
    symlinkSync('inside.txt', join(root, 'alias.txt'));
    symlinkSync('loop', join(root, 'loop'));
    const found = await discover(root);
    expect(found.files.map((f) => f.path)).toEqual(['dir/file.txt', 'inside.txt']);
    expect(found.skipped).toEqual([
      { file: 'alias.txt', reason: 'symlink', detail: 'inside-target' },
      { file: 'dir/parent', reason: 'symlink', detail: 'outside-target' },
      { file: 'loop', reason: 'symlink', detail: 'broken-or-loop' },
      { file: 'passwd', reason: 'symlink', detail: 'outside-target' },
    ]);
    expect(JSON.stringify(found)).not.toContain('/etc');
  });

  it('lists special files instead of reading them, and keeps hard-to-quote names intact', async () => {
    const root = repo({ 'a b.txt': '', "quo'te\".txt": '', '-dash.txt': '', 'é🙂.txt': '', 'new\nline.txt': '' });
    mkdirSync(join(root, 'pipes'));
    execFileSync('mkfifo', [join(root, 'pipes', 'fifo')]);
    const found = await discover(root);
    expect(found.files.map((f) => f.path).sort()).toEqual(['-dash.txt', 'a b.txt', 'new\nline.txt', "quo'te\".txt", 'é🙂.txt'].sort());
    expect(found.skipped).toEqual([{ file: 'pipes/fifo', reason: 'special-file' }]);
  });

  it('applies include globs', async () => {
    const root = repo({ 'deploy/a.yaml': '', 'src/b.ts': '' });
    writeFileSync(join(root, 'c.yaml'), '');
    expect((await discover(root, { include: ['deploy/**'] })).files.map((f) => f.path)).toEqual(['deploy/a.yaml']);
  });
});
