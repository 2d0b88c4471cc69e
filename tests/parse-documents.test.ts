import { describe, expect, it } from 'vitest';
import { parseDockerfile, splitImageName } from '../src/parse/dockerfile.js';
import { parseHtml } from '../src/parse/html.js';
import { SourceFile, ParseError } from '../src/parse/source-file.js';
import { containersOf, effectiveSecurityContext, kubernetesObjects, podSpecOf } from '../src/parse/kubernetes.js';
import { decode } from '../src/parse/read.js';

describe('Dockerfile model', () => {
  const model = parseDockerfile(
    [
      'ARG BASE=node:20-alpine', // 1
      'FROM ${BASE} AS build', // 2
      'RUN npm ci && \\', // 3
      '    npm run build', // 4
      'FROM gcr.io/distroless/nodejs20:nonroot@sha256:' + 'a'.repeat(64), // 5
      'ARG UID', // 6
      'ENV NODE_ENV=production PASSWORD_FILE=/run/secrets/db', // 7
      'COPY --from=build /app /app', // 8
      'USER ${UID}', // 9
      'CMD node /app/server.js', // 10
    ].join('\n'),
  );

  it('splits stages, marks the final one and resolves ARG defaults in FROM', () => {
    expect(model.stages.map((s) => [s.name, s.final, s.line])).toEqual([['build', false, 2], [null, true, 5]]);
    expect(model.stages[0].from).toMatchObject({ image: 'node:20-alpine', resolved: true, registry: 'docker.io', repository: 'library/node', tag: '20-alpine' });
    expect(model.stages[1].from).toMatchObject({ registry: 'gcr.io', repository: 'distroless/nodejs20', tag: 'nonroot', digest: 'sha256:' + 'a'.repeat(64) });
  });

  it('joins continuation lines and keeps the instruction range', () => {
    const run = model.stages[0].instructions.find((i) => i.keyword === 'RUN')!;
    expect(run.arguments).toBe('npm ci && npm run build');
    expect([run.line, run.endLine]).toEqual([3, 4]);
    expect(run.form).toBe('shell');
  });

  it('exposes ENV pairs, flags and an unresolvable USER as such', () => {
    const final = model.stages[1];
    expect(final.instructions.find((i) => i.keyword === 'ENV')!.pairs).toEqual([
      { name: 'NODE_ENV', value: 'production' },
      { name: 'PASSWORD_FILE', value: '/run/secrets/db' },
    ]);
    expect(final.instructions.find((i) => i.keyword === 'COPY')!.flags).toEqual({ from: 'build' });
    expect(final.userResolved).toBe(false);
  });

  it('recognises references to earlier stages and scratch', () => {
    const m = parseDockerfile('FROM alpine:3.20 AS base\nFROM base\nFROM scratch\n');
    expect(m.stages[1].from.stage).toBe(true);
    expect(m.stages[2].from.scratch).toBe(true);
  });

  it('splits image references like the distribution grammar', () => {
    expect(splitImageName('localhost:5000/team/app:1.0')).toEqual({ registry: 'localhost:5000', repository: 'team/app', tag: '1.0', digest: null });
    expect(splitImageName('bitnami/postgresql')).toEqual({ registry: 'docker.io', repository: 'bitnami/postgresql', tag: null, digest: null });
  });
});

describe('HTML model', () => {
  it('keeps source offsets and tells pages from partials', () => {
    const page = parseHtml('<!doctype html>\n<html lang="fr"><body>\n<img src=x>\n</body></html>');
    expect(page.isDocument).toBe(true);
    expect(parseHtml('<div><img src=x></div>').isDocument).toBe(false);
  });

  it('survives unclosed tags and template syntax', () => {
    expect(() => parseHtml('<div><p>{{ title }}<span>{% if x %}<img src="{{ y }}">'.repeat(100))).not.toThrow();
  });
});

describe('Kubernetes view', () => {
  const file = new SourceFile(
    'k.yaml',
    [
      'apiVersion: batch/v1',
      'kind: CronJob',
      'metadata: {name: nightly}',
      'spec:',
      '  jobTemplate:',
      '    spec:',
      '      template:',
      '        spec:',
      '          securityContext: {runAsNonRoot: true, runAsUser: 1000, fsGroup: 2000}',
      '          initContainers: [{name: init, image: busybox}]',
      '          containers:',
      '            - name: job',
      '              image: app:1',
      '              securityContext: {runAsUser: 0}',
      '---',
      'apiVersion: v1',
      'kind: Pod',
      'metadata: {name: wrong}',
      'spec: {containers: "not a list"}',
    ].join('\n'),
  );

  it('finds the pod spec of every workload kind and all its containers', () => {
    const [cron, pod] = kubernetesObjects(file.structured());
    const containers = containersOf(podSpecOf(cron)!);
    expect(containers.map((c) => [c.list, c.container.name])).toEqual([['initContainers', 'init'], ['containers', 'job']]);
    expect(containersOf(podSpecOf(pod)!)).toEqual([]);
  });

  it('computes the effective securityContext: pod values unless the container overrides them', () => {
    const [cron] = kubernetesObjects(file.structured());
    const [init, job] = containersOf(podSpecOf(cron)!);
    expect(effectiveSecurityContext(init)).toEqual({ runAsNonRoot: true, runAsUser: 1000 });
    expect(effectiveSecurityContext(job)).toEqual({ runAsNonRoot: true, runAsUser: 0 });
  });

  it('parses each file once and keeps the parse error for every later request', () => {
    let parses = 0;
    const broken = new SourceFile('b.yaml', 'apiVersion: v1\nkind: Pod\nspec: [1, 2\n', { observe: () => parses++ });
    expect(() => broken.structured()).toThrow(ParseError);
    expect(() => broken.kubernetes()).toThrow(ParseError);
    expect(parses).toBe(1);
  });
});

describe('decoding', () => {
  it('recognises binary, UTF-16 with BOM and drops a UTF-8 BOM', () => {
    expect(decode(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]))).toEqual({ skip: 'binary' });
    expect(decode(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a: 1\n', 'utf16le')]))).toEqual({ text: 'a: 1\n' });
    expect(decode(Buffer.from('\ufeffkind: Pod', 'utf8'))).toEqual({ text: 'kind: Pod' });
    expect('text' in decode(Buffer.from([0x61, 0xff, 0x62]))).toBe(true);
  });
});
