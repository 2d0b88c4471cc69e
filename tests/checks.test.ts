// Each check kind and combinator, on small repositories written here.
import { describe, expect, it } from 'vitest';
import { iban, luhn, nir, siren, siret, shannonEntropy, isPlaceholder } from '../src/evaluate/checks/validators.js';
import { repo, rule, scanWith, where } from './helpers.js';

describe('validators', () => {
  it('check the checksums of French identifiers and cards', () => {
    expect(luhn('4111 1111 1111 1111')).toBe(true);
    expect(luhn('4111 1111 1111 1112')).toBe(false);
    expect(nir('1 85 05 78 006 084 91')).toBe(true);
    expect(nir('1 85 05 78 006 084 36')).toBe(false);
    expect(nir('2 69 05 2A 004 056 81')).toBe(true);
    expect(iban('FR76 3000 6000 0112 3456 7890 189')).toBe(true);
    expect(iban('FR76 3000 6000 0112 3456 7890 188')).toBe(false);
    expect(siren('732 829 320')).toBe(true);
    expect(siren('732 829 321')).toBe(false);
    expect(siret('73282932000074')).toBe(true);
    expect(siret('35600000000048')).toBe(true);
  });

  it('measure entropy and recognise placeholders', () => {
    expect(shannonEntropy('aaaaaaaa')).toBe(0);
    expect(shannonEntropy('a1B2c3D4e5F6')).toBeGreaterThan(3.5);
    for (const value of ['${DB_PASSWORD}', '{{ .Values.token }}', '<your-token>', 'changeme', 'xxxxxxxx', '${{ secrets.TOKEN }}']) {
      expect(isPlaceholder(value), value).toBe(true);
    }
    expect(isPlaceholder('S3cr3t-Pr0d-2024')).toBe(false);
  });
});

describe('text check', () => {
  const target = repo({
    'app.env': 'API_TOKEN=Zx8Qp2Lm9Vt4Rw7Y\nOTHER_TOKEN=${FROM_VAULT}\nLOW_TOKEN=aaaaaaaaaaaa\n',
    'doc.md': 'nothing to see\n',
    'iban.txt': 'ok FR76 3000 6000 0112 3456 7890 189\nbad FR76 3000 6000 0112 3456 7890 188\n',
  });

  it('applies keywords, capture, placeholders, entropy and redaction', async () => {
    const report = await scanWith(target, [
      rule({ id: 'secret-generic', kind: 'text', check: { text: { match: '[A-Z_]*TOKEN=(?<value>\\S+)', capture: 'value', keywords: ['token'], skipPlaceholders: true, minEntropy: 3, redact: true } } }),
    ]);
    expect(where(report)).toEqual(['app.env:1 secret-generic']);
    const [finding] = report.findings;
    expect(finding.column).toBe(11);
    expect(finding.message).not.toContain('Zx8Qp2Lm9Vt4Rw7Y');
    expect(finding.snippet).not.toContain('Zx8Qp2Lm9Vt4Rw7Y');
  });

  it('finds the keywords of every rule in one pass, nested and overlapping ones included', async () => {
    const target = repo({ 'conf.env': 'MY_API_TOKEN=x\nPASSWORDS=y\n', 'other.txt': 'nothing\n' });
    const report = await scanWith(target, [
      rule({ id: 'secret-api-token', kind: 'text', check: { text: { match: 'API_TOKEN', keywords: ['api_token'] } } }),
      rule({ id: 'secret-token', kind: 'text', check: { text: { match: 'TOKEN', keywords: ['token'] } } }),
      rule({ id: 'secret-word', kind: 'text', check: { text: { match: 'WORDS', keywords: ['words'] } } }),
      rule({ id: 'secret-absent', kind: 'text', check: { text: { match: 'nothing', keywords: ['absent'] } } }),
    ]);
    expect(where(report)).toEqual(['conf.env:1 secret-api-token', 'conf.env:1 secret-token', 'conf.env:2 secret-word']);
  });

  it('drops values with a wrong checksum', async () => {
    const report = await scanWith(target, [rule({ id: 'gdpr-iban', kind: 'text', check: { text: { match: 'FR\\d{2}(?: ?[0-9A-Z]{4}){5} ?[0-9A-Z]{3}', validator: 'iban' } } })]);
    expect(where(report)).toEqual(['iban.txt:1 gdpr-iban']);
  });
});

describe('schema check', () => {
  const target = repo({
    'deploy.yaml': [
      'apiVersion: apps/v1', // 1
      'kind: Deployment', // 2
      'metadata: {name: web}', // 3
      'spec:', // 4
      '  template:', // 5
      '    spec:', // 6
      '      securityContext: {runAsNonRoot: true}', // 7
      '      containers:', // 8
      '        - name: app', // 9
      '          image: nginx:1.27', // 10
      '        - name: sidecar', // 11
      '          image: envoy:latest', // 12
      '          securityContext:', // 13
      '            runAsNonRoot: false', // 14
    ].join('\n'),
  });

  it('sees inherited pod values through $securityContext and reports on the offending line', async () => {
    const report = await scanWith(target, [
      rule({
        id: 'k8s-non-root',
        kind: 'kubernetes',
        check: `schema:
  select: containers
  assert:
    required: [$securityContext]
    properties:
      $securityContext:
        required: [runAsNonRoot]
        properties: {runAsNonRoot: {const: true}}`,
      }),
    ]);
    expect(where(report)).toEqual(['deploy.yaml:14 k8s-non-root']);
    expect(report.findings[0].message).toBe('value false name sidecar');
  });

  it('filters with where and uses parameters', async () => {
    const report = await scanWith(target, [
      rule({
        id: 'k8s-tag',
        kind: 'kubernetes',
        parameters: { forbidden: { description: 'tags', default: ['latest'] } },
        check: { schema: { select: 'containers', where: { properties: { name: { const: 'sidecar' } } }, assert: { properties: { $image: { properties: { tag: { not: { enum: { $param: 'forbidden' } } } } } } } } },
      }),
    ]);
    expect(where(report)).toEqual(['deploy.yaml:12 k8s-tag']);
  });

  it('selects paths in plain YAML', async () => {
    const ci = repo({ '.github/workflows/ci.yml': 'on: push\njobs:\n  t:\n    steps:\n      - uses: actions/checkout@v4\n      - uses: ./local\n' });
    const report = await scanWith(ci, [
      rule({ id: 'ci-pin', kind: 'yaml', files: ['.github/workflows/*.yml'], check: { schema: { select: 'jobs.*.steps.*', where: { required: ['uses'], properties: { uses: { not: { pattern: '^\\./' } } } }, assert: { properties: { uses: { pattern: '@[0-9a-f]{40}$' } } } } } }),
    ]);
    expect(where(report)).toEqual(['.github/workflows/ci.yml:5 ci-pin']);
  });
});

describe('html check', () => {
  const target = repo({
    'page.html': [
      '<html lang="fr"><body>', // 1
      '<label for="a">Nom</label><input id="a">', // 2
      '<input id="b">', // 3
      '<label>Courriel <input type="email"></label>', // 4
      '<a href="/x"></a>', // 5
      '<a href="/y"><img src="i.png" alt="Accueil"></a>', // 6
      '<p id="dup"></p><p id="dup"></p>', // 7
      '<meta http-equiv="refresh" content="5; url=/">', // 8
      '</body></html>',
    ].join('\n'),
    'partial.html': '<div><img src="x"></div>',
  });

  it('answers with the pseudo-classes :labelled, :named, :duplicate-id, :attr-match', async () => {
    const report = await scanWith(target, [
      rule({ id: 'a11y-label', kind: 'html', check: { html: { match: 'input:not(:labelled)' } } }),
      rule({ id: 'a11y-link', kind: 'html', check: { html: { match: 'a[href]:not(:named)' } } }),
      rule({ id: 'a11y-dup', kind: 'html', check: { html: { match: '[id]:duplicate-id' } } }),
      rule({ id: 'a11y-refresh', kind: 'html', check: { html: { match: 'meta[http-equiv=refresh]:attr-match(content, ^ *[1-9])' } } }),
    ]);
    expect(where(report)).toEqual(['page.html:3 a11y-label', 'page.html:5 a11y-link', 'page.html:7 a11y-dup', 'page.html:7 a11y-dup', 'page.html:8 a11y-refresh']);
  });

  it('does not judge partials with documentsOnly, even under not', async () => {
    const report = await scanWith(target, [rule({ id: 'a11y-lang', kind: 'html', check: { not: { html: { match: 'html[lang]', documentsOnly: true } } } })]);
    expect(where(report)).toEqual([]);
  });
});

describe('repository and objects checks, combinators', () => {
  const target = repo({
    'README.md': '# x\n',
    'web/package.json': '{}',
    'api/package.json': '{}',
    'api/package-lock.json': '{}',
    'assets/hero.png': Buffer.alloc(400_000, 1),
    'k8s/app.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec: {}\n',
  });

  it('exists, missing, forEach and minSize', async () => {
    const report = await scanWith(target, [
      rule({ id: 'hyg-license', kind: 'repository', check: { repository: { missing: ['LICENSE*'] } } }),
      rule({ id: 'hyg-readme', kind: 'repository', check: { repository: { missing: ['README*'] } } }),
      rule({ id: 'hyg-lock', kind: 'repository', check: { repository: { forEach: '**/package.json', missing: ['package-lock.json', 'yarn.lock'] } } }),
      rule({ id: 'hyg-heavy', kind: 'repository', check: { repository: { exists: ['**/*.png'], minSize: 300_000 } } }),
    ]);
    expect(where(report)).toEqual(['(repo):- hyg-license', 'assets/hero.png:- hyg-heavy', 'web/package.json:- hyg-lock']);
  });

  it('all / not over the Kubernetes objects of the whole repository', async () => {
    const check = { all: [{ objects: { kinds: ['Deployment'] } }, { not: { objects: { kinds: ['NetworkPolicy'] } } }] };
    const report = await scanWith(target, [rule({ id: 'hyg-netpol', kind: 'repository', check })]);
    expect(where(report)).toEqual(['k8s/app.yaml:1 hyg-netpol']);
    const withPolicy = repo({ 'a.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: a}\n---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p}\n' });
    expect(where(await scanWith(withPolicy, [rule({ id: 'hyg-netpol', kind: 'repository', check })]))).toEqual([]);
  });

  it('any keeps every violation', async () => {
    const report = await scanWith(target, [rule({ id: 'hyg-any', kind: 'repository', check: { any: [{ repository: { missing: ['LICENSE'] } }, { repository: { exists: ['README.md'] } }] } })]);
    expect(where(report)).toEqual(['(repo):- hyg-any', 'README.md:- hyg-any']);
  });
});
