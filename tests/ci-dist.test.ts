// The committed dist/ (what action.yml and gitlab-ci-template.yml run) must be exactly a fresh
// build of the sources: rebuild into a temporary folder and compare byte for byte.
// When this fails: npm run build:action, and commit dist/.

import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundle } from '../src/ci/bundle.mjs';
import { ROOT, tempDir, cleanTemps } from './ci-fixtures/repos.js';

afterAll(cleanTemps);

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();
}

describe('dist/', () => {
  it('is a fresh, deterministic build of the sources', { timeout: 60_000 }, async () => {
    const first = await bundle(join(tempDir('cadre-dist-'), 'dist'));
    const second = await bundle(join(tempDir('cadre-dist-'), 'dist'));
    const committed = join(ROOT, 'dist');
    const built = files(first);
    expect(built).toEqual(files(second));
    for (const name of built) expect(readFileSync(join(second, name)).equals(readFileSync(join(first, name))), `${name} differs between two builds`).toBe(true);

    const stale = [
      ...built.filter((name) => {
        try {
          return !readFileSync(join(committed, name)).equals(readFileSync(join(first, name)));
        } catch {
          return true;
        }
      }),
      ...files(committed).filter((name) => !built.includes(name)),
    ];
    expect(stale, 'dist/ does not match the sources: run npm run build:action and commit dist/').toEqual([]);
    for (const dir of [first, second]) rmSync(dir, { recursive: true, force: true });
  });

  it('holds the four entry points action.yml and the GitLab template run', () => {
    const action = readFileSync(join(ROOT, 'action.yml'), 'utf8');
    expect(action).toMatch(/using: 'node24'/);
    expect(action).toMatch(/main: 'dist\/index\.js'/);
    for (const entry of ['index.js', 'gitlab.js', 'cli.js', 'worker.js']) expect(files(join(ROOT, 'dist'))).toContain(entry);
  });
});
