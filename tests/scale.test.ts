// The report does not depend on how the work was spread: threads, cache, shards.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../src/model/types.js';
import { scan } from '../src/scan.js';
import { readCounter } from '../src/parse/read.js';
import { mergeReports } from '../src/report/merge.js';
import { workerEntry } from '../src/run/worker-pool.js';
import { loadRules, builtinRulesDir } from '../src/rules/load.js';
import { expectValidReport, repo, rule } from './helpers.js';

const rules = [
  rule({ id: 'docker-root', kind: 'dockerfile', check: { schema: { select: 'final-stage', assert: { required: ['user'] } } } }),
  rule({ id: 'secret-todo', kind: 'text', check: { text: { match: 'TODO-[0-9]+', keywords: ['todo-'] } } }),
  rule({ id: 'k8s-priv', kind: 'kubernetes', check: { schema: { select: 'containers', assert: { properties: { securityContext: { properties: { privileged: { const: false } } } } } } } }),
  rule({ id: 'k8s-netpol', kind: 'repository', check: { all: [{ objects: { kinds: ['Deployment'] } }, { not: { objects: { kinds: ['NetworkPolicy'] } } }] } }),
  rule({ id: 'hyg-license', kind: 'repository', check: { repository: { missing: ['LICENSE'] } } }),
];

function corpus(files = 120): string {
  const content: Record<string, string> = {};
  for (let i = 0; i < files; i++) {
    const dir = `svc${i % 7}`;
    if (i % 4 === 0) content[`${dir}/Dockerfile.${i}`] = `FROM alpine:3.${i % 20}\nRUN echo ${i}\n`;
    else if (i % 4 === 1) content[`${dir}/deploy-${i}.yaml`] = `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d${i}}\nspec:\n  template:\n    spec:\n      containers:\n        - name: c\n          image: app:${i}\n          securityContext: {privileged: ${i % 3 === 0}}\n`;
    else if (i % 4 === 2) content[`${dir}/notes-${i}.md`] = `# notes\nTODO-${i} fix\nTODO-${i} again\n`;
    else content[`${dir}/broken-${i}.yaml`] = `apiVersion: v1\nkind: Pod\nspec: [${i}\n`;
  }
  return repo(content);
}

/** The report without what legitimately differs between two runs. */
function comparable(report: Report): Omit<Report, 'startedAt' | 'durationMs'> {
  const { startedAt: _s, durationMs: _d, ...rest } = report;
  return rest;
}

describe('scale', () => {
  it('gives the same report with one thread and with several', async () => {
    expect(workerEntry(), 'the worker entry is built (npm test runs tsc first)').toBeDefined();
    const target = corpus();
    const single = await scan({ target, rules, lang: 'en', workers: 0 });
    const threaded = await scan({ target, rules, lang: 'en', workers: 3 });
    expect(threaded.workers).toBe(3);
    expectValidReport(threaded.report);
    expect(single.report.findings.length).toBeGreaterThan(50);
    expect(single.report.errors.length).toBeGreaterThan(0);
    expect(comparable(threaded.report)).toEqual(comparable(single.report));
  });

  it('reads each file once, and only the files some rule needs', async () => {
    const target = repo({ 'a.md': 'TODO-1\n', 'b.bin': 'x', 'Dockerfile': 'FROM alpine:3.20\n' });
    const textRulesOnlyMd = [rule({ id: 'secret-todo', kind: 'text', files: ['*.md'], check: { text: { match: 'TODO-[0-9]+' } } }), rules[0]];
    const before = readCounter.files;
    await scan({ target, rules: textRulesOnlyMd, lang: 'en', workers: 0 });
    expect(readCounter.files - before).toBe(2);
  });

  it('does not decode a file only Kubernetes rules want when it cannot hold an object, and still judges the others', async () => {
    const deployment = 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: c\n      securityContext: {privileged: true}\n';
    const target = repo({
      'package-lock.json': '{"name": "app", "packages": {}}\n',
      'values.yaml': 'replicas: 2\n',
      'pod.yaml': deployment,
      // The words are there only once decoded (UTF-16), or the file holds an inline suppression.
      'utf16.yaml': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(deployment, 'utf16le')]),
      'waived.yaml': '# cadre-ignore k8s-priv: not a manifest\nreplicas: 1\n',
      'binary.json': Buffer.from([0x7b, 0, 0x7d]),
    });
    const before = { ...readCounter };
    const { report } = await scan({ target, rules: [rules[2]], lang: 'en', workers: 0 });
    expect(readCounter.files - before.files).toBe(6);
    // All but package-lock.json and values.yaml (binary.json goes to the decoder, which says binary).
    expect(readCounter.decoded - before.decoded).toBe(4);
    expect(report.findings.map((f) => `${f.file}:${f.line}`).sort()).toEqual(['pod.yaml:6', 'utf16.yaml:6']);
    expect(report.skipped.map((s) => `${s.file} ${s.reason}`)).toEqual(['binary.json binary']);
    expect(report.waivers.map((w) => `${w.location} ${w.status}`)).toEqual(['waived.yaml:1 stale']);
    expect(report.summary.files).toBe(5);
  });

  it('gives the same report from a warm cache, evaluating nothing', async () => {
    const target = corpus(60);
    // Skipped files too: their reasons come back from the cache.
    writeFileSync(join(target, 'svc0', 'blob.md'), Buffer.from([0x54, 0x4f, 0x00, 0x44, 0x4f]));
    writeFileSync(join(target, 'svc0', 'huge.md'), 'TODO-9\n'.repeat(2000));
    const cacheDir = join(target, '.cadre-cache');
    const cold = await scan({ target, rules, lang: 'en', workers: 1, cacheDir, maxFileSize: 4096 });
    expect(cold.cacheHits).toBe(0);
    expect(cold.report.skipped.map((s) => s.reason)).toEqual(['binary', 'too-large']);
    expect(readdirSync(cacheDir)).toHaveLength(1);
    const warm = await scan({ target, rules, lang: 'en', workers: 1, cacheDir, maxFileSize: 4096 });
    expect(warm.cacheHits).toBe(62);
    // Byte for byte: findings come back from the cache with their fields in the same order.
    expect(JSON.stringify(comparable(warm.report))).toBe(JSON.stringify(comparable(cold.report)));
    const uncached = await scan({ target, rules, lang: 'en', workers: 1, maxFileSize: 4096 });
    expect(comparable(uncached.report)).toEqual(comparable(cold.report));
    // A changed file is read and evaluated again; the others still come from the cache.
    const notes = readdirSync(join(target, 'svc2')).find((name) => name.startsWith('notes-'))!;
    writeFileSync(join(target, 'svc2', notes), '# notes\nnothing left to do\n');
    const edited = await scan({ target, rules, lang: 'en', workers: 1, cacheDir, maxFileSize: 4096 });
    expect(edited.cacheHits).toBe(61);
    expect(edited.report.findings.some((f) => f.file === `svc2/${notes}`)).toBe(false);
    // Another rule set does not reuse these outcomes.
    const other = await scan({ target, rules: rules.slice(1), lang: 'en', workers: 1, cacheDir });
    expect(other.cacheHits).toBe(0);
  });

  it('does not reuse the cached outcome of a file whose rule looks at the file tree once the tree changed', async () => {
    const dockerignore = rule({ id: 'eco-dockerignore', kind: 'dockerfile', check: { repository: { missing: ['.dockerignore'] } } });
    const target = repo({ Dockerfile: 'FROM alpine:3.20\n', 'notes.md': 'TODO-1\n' });
    const cacheDir = join(target, '.cadre-cache');
    const scanWith = () => scan({ target, rules: [dockerignore, rules[1]], lang: 'en', workers: 0, cacheDir, exclude: ['.cadre-cache/**'] });
    const cold = await scanWith();
    expect(cold.report.findings.map((f) => f.ruleId).sort()).toEqual(['eco-dockerignore', 'secret-todo']);
    expect((await scanWith()).cacheHits).toBe(2);
    // The Dockerfile is unchanged, but the tree is not: its rule is judged again, the notes are not.
    writeFileSync(join(target, '.dockerignore'), '.git\n');
    const after = await scanWith();
    expect(after.cacheHits).toBe(1);
    expect(after.report.findings.map((f) => f.ruleId)).toEqual(['secret-todo']);
    const uncached = await scan({ target, rules: [dockerignore, rules[1]], lang: 'en', workers: 0, exclude: ['.cadre-cache/**'] });
    expect(comparable(after.report)).toEqual(comparable(uncached.report));
  });

  it('judges the conditions of objects checks where the file is read: the cache holds no manifest content, and follows its changes', async () => {
    const scaled = rule({
      id: 'cpin-hpa',
      kind: 'repository',
      check: { all: [{ objects: { kinds: ['Deployment'], where: { properties: { spec: { properties: { replicas: { minimum: 2 } } } } } } }, { not: { objects: { kinds: ['HorizontalPodAutoscaler'] } } }] },
    });
    const manifest = (replicas: number) => `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, annotations: {owner: do-not-store-me}}\nspec: {replicas: ${replicas}}\n`;
    const target = repo({ 'deploy.yaml': manifest(3), 'batch.yaml': manifest(1).replace('web', 'batch') });
    const cacheDir = join(target, '.cadre-cache');
    const scanWith = (workers: number) => scan({ target, rules: [scaled], lang: 'en', workers, cacheDir, exclude: ['.cadre-cache/**'] });
    const names = (report: Report) => report.findings.map((f) => `${f.file}:${f.line}`);
    expect(names((await scanWith(2)).report)).toEqual(['deploy.yaml:1']);
    const cacheFile = readdirSync(cacheDir).map((name) => readFileSync(join(cacheDir, name), 'utf8')).join('');
    expect(cacheFile).toContain('deploy.yaml');
    expect(cacheFile).not.toContain('do-not-store-me');
    writeFileSync(join(target, 'deploy.yaml'), manifest(1));
    writeFileSync(join(target, 'batch.yaml'), manifest(4).replace('web', 'batch'));
    const edited = await scanWith(0);
    expect(names(edited.report)).toEqual(['batch.yaml:1']);
    expect(comparable(edited.report)).toEqual(comparable((await scan({ target, rules: [scaled], lang: 'en', workers: 0, exclude: ['.cadre-cache/**'] })).report));
  });

  it('reuses the outcome of the repository rules only while the tree and the sizes they looked at are the same', async () => {
    const heavy = rule({ id: 'eco-heavy-image', kind: 'repository', check: { repository: { exists: ['**/*.png'], minSize: 10 } } });
    const todo = rule({ id: 'secret-todo', kind: 'text', files: ['*.md'], check: { text: { match: 'TODO-[0-9]+' } } });
    const target = repo({ 'img/logo.png': 'small', 'notes.md': 'TODO-1\n' });
    const cacheDir = join(target, '.cadre-cache');
    const scanWith = () => scan({ target, rules: [heavy, todo, rules[4]], lang: 'en', workers: 0, cacheDir, exclude: ['.cadre-cache/**'] });
    const ids = (report: Report) => report.findings.map((f) => f.ruleId).sort();
    expect(ids((await scanWith()).report)).toEqual(['hyg-license', 'secret-todo']);
    expect(ids((await scanWith()).report)).toEqual(['hyg-license', 'secret-todo']);
    // The image is no file rule's: only its size, looked at by the repository rule, says it changed.
    writeFileSync(join(target, 'img', 'logo.png'), 'a much larger image');
    expect(ids((await scanWith()).report)).toEqual(['eco-heavy-image', 'hyg-license', 'secret-todo']);
    writeFileSync(join(target, 'LICENSE'), 'EUPL-1.2\n');
    const after = await scanWith();
    expect(ids(after.report)).toEqual(['eco-heavy-image', 'secret-todo']);
    const uncached = await scan({ target, rules: [heavy, todo, rules[4]], lang: 'en', workers: 0, exclude: ['.cadre-cache/**'] });
    expect(JSON.stringify(comparable(after.report))).toBe(JSON.stringify(comparable(uncached.report)));
  });

  it('merges shards into the unsharded report', async () => {
    const target = corpus();
    const whole = await scan({ target, rules, lang: 'en', workers: 1 });
    const shards = await Promise.all([1, 2, 3].map((index) => scan({ target, rules, lang: 'en', workers: 1, shard: { index, total: 3 } })));
    shards.forEach((s) => expectValidReport(s.report));
    expect(shards.map((s) => s.report.findings.length).every((n) => n > 0)).toBe(true);
    const merged = mergeReports(shards.map((s) => s.report).reverse());
    expectValidReport(merged);
    expect(comparable(merged)).toEqual(comparable(whole.report));
  });

  it('refuses to merge reports that do not belong together, saying why', async () => {
    const target = corpus(20);
    const [a, b] = await Promise.all([1, 2].map((index) => scan({ target, rules, lang: 'en', workers: 1, shard: { index, total: 2 } })));
    expect(() => mergeReports([a.report])).toThrow(/shards 1 given, 1, 2 expected/);
    expect(() => mergeReports([a.report, a.report])).toThrow(/shards 1, 1 given/);
    expect(() => mergeReports([a.report, { ...b.report, target: { ...b.report.target, commit: 'a'.repeat(40) } }])).toThrow(/another commit/);
    const otherRules = await scan({ target, rules: rules.slice(1), lang: 'en', workers: 1, shard: { index: 2, total: 2 } });
    expect(() => mergeReports([a.report, otherRules.report])).toThrow(/another rule set/);
    expect(() => mergeReports([a.report, { ...b.report, lang: 'fr' }])).toThrow(/another language/);
  });

  it('abandons a file past the time budget, lists it, and scans the others', async () => {
    const target = repo({ 'slow.txt': `${'a'.repeat(40)}!`, 'fine.txt': 'TODO-1\n' });
    const catastrophic = rule({ id: 'secret-redos', kind: 'text', check: { text: { match: '^(a+)+$' } } });
    const { report } = await scan({ target, rules: [catastrophic, rules[1]], lang: 'en', workers: 1, fileTimeBudgetMs: 500 });
    expectValidReport(report);
    expect(report.skipped).toEqual([{ file: 'slow.txt', reason: 'time-budget', detail: '> 500 ms' }]);
    expect(report.findings.map((f) => f.file)).toEqual(['fine.txt']);
  });

  it('caps the findings of one rule and says how many were left out', async () => {
    const target = repo({ 'many.md': Array.from({ length: 30 }, (_, i) => `TODO-${i}`).join('\n') });
    const { report } = await scan({ target, rules: [rules[1]], lang: 'en', maxFindingsPerRule: 10 });
    expectValidReport(report);
    expect(report.findings).toHaveLength(10);
    expect(report.truncated).toEqual([{ ruleId: 'secret-todo', omitted: 20 }]);
  });

  it('caps the findings of a repository rule the same way from the cache, and keeps only what the report shows', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 30; i++) files[`deploy-${String(i).padStart(2, '0')}.yaml`] = `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d${i}}\n`;
    const target = repo(files);
    const cacheDir = join(target, '.cadre-cache');
    const netpol = rules[3];
    const scanWith = (maxFindingsPerRule: number, cached = true) =>
      scan({ target, rules: [netpol], lang: 'en', workers: 0, maxFindingsPerRule, exclude: ['.cadre-cache/**'], ...(cached ? { cacheDir } : {}) });
    const cold = await scanWith(10);
    expect(cold.report.findings).toHaveLength(10);
    expect(cold.report.truncated).toEqual([{ ruleId: 'k8s-netpol', omitted: 20 }]);
    const warm = await scanWith(10);
    expect(warm.cacheHits).toBe(30);
    expect(comparable(warm.report)).toEqual(comparable(cold.report));
    const stored = readdirSync(cacheDir).map((name) => readFileSync(join(cacheDir, name), 'utf8')).join('');
    expect(stored.match(/"ruleId":"k8s-netpol"/g)).toHaveLength(10);
    // Another cap is another cache: never the outcome capped for the first one.
    const wider = await scanWith(25);
    expect(wider.report.findings).toHaveLength(25);
    expect(comparable(wider.report)).toEqual(comparable((await scanWith(25, false)).report));
  });

  it('scans the demo the same way with the built-in rules, threaded or not', async () => {
    const { rules: builtin } = await loadRules([builtinRulesDir()]);
    const demo = join(import.meta.dirname, '..', 'fixtures', 'demo');
    const one = await scan({ target: demo, rules: builtin, lang: 'fr', workers: 1 });
    const two = await scan({ target: demo, rules: builtin, lang: 'fr', workers: 2 });
    expect(comparable(two.report)).toEqual(comparable(one.report));
  });
});
