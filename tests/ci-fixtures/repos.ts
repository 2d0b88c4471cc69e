// Git repositories for the CI tests: a copy of fixtures/demo committed on `main` (the base of a
// pull/merge request), then a second commit on a feature branch that adds findings (the change).

import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DEMO = join(ROOT, 'fixtures', 'demo');

/** Git without the user's or the machine's configuration. */
export const GIT_ENV = {
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_AUTHOR_NAME: 'cadre test',
  GIT_AUTHOR_EMAIL: 'test@cadre.invalid',
  GIT_COMMITTER_NAME: 'cadre test',
  GIT_COMMITTER_EMAIL: 'test@cadre.invalid',
  GIT_AUTHOR_DATE: '2026-01-15T10:00:00Z',
  GIT_COMMITTER_DATE: '2026-01-15T10:00:00Z',
};

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, ...GIT_ENV }, stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

const temps: string[] = [];

export function tempDir(prefix = 'cadre-ci-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temps.push(dir);
  return dir;
}

export function cleanTemps(): void {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Several Deployments, each with a privileged container: many critical, high and medium findings. */
export function batchManifest(count: number): string {
  const docs: string[] = [];
  for (let i = 1; i <= count; i++) {
    docs.push(`apiVersion: apps/v1
kind: Deployment
metadata:
  name: batch-${i}
spec:
  replicas: 1
  selector:
    matchLabels:
      app: batch-${i}
  template:
    metadata:
      labels:
        app: batch-${i}
    spec:
      containers:
        - name: job-${i}
          image: registry.example/batch:latest
          securityContext:
            privileged: true
`);
  }
  return docs.join('---\n');
}

export interface DemoRepo {
  dir: string;
  base: string;
  head: string;
}

/**
 * fixtures/demo committed on main, then on branch `feature` the files of `change` added or
 * replaced (default: k8s/batch.yaml with six privileged Deployments).
 */
export function demoRepo(change: Record<string, string> = { 'k8s/batch.yaml': batchManifest(6) }, extra: Record<string, string> = {}): DemoRepo {
  const dir = tempDir();
  cpSync(DEMO, dir, { recursive: true });
  for (const [path, content] of Object.entries(extra)) write(dir, path, content);
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'base');
  const base = git(dir, 'rev-parse', 'HEAD');
  git(dir, 'checkout', '-q', '-b', 'feature');
  for (const [path, content] of Object.entries(change)) write(dir, path, content);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'change');
  return { dir, base, head: git(dir, 'rev-parse', 'HEAD') };
}

export function write(dir: string, path: string, content: string): void {
  const full = join(dir, path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, content);
}
