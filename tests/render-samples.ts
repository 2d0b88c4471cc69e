// Reports for the Code Quality, JUnit and Markdown renderer tests: a small project scanned by the
// real engine with rules of its own (deterministic: fixed date, duration, commit, version and
// digest), the demo repository with the built-in rules, a hand-made hostile report, and a report
// with thousands of findings.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runCheck } from '../src/check.js';
import { evaluateGate, type GateResult } from '../src/gate/gate.js';
import { SEVERITIES, type Finding, type Report } from '../src/model/types.js';
import { expectValidReport, repo } from './helpers.js';

const rule = (r: { id: string; domain: string; severity: string; title: string; refs: object[]; target: object; check: object; message?: string }) =>
  JSON.stringify({
    id: r.id,
    domain: r.domain,
    severity: r.severity,
    title: { fr: r.title, en: `${r.title} (en)` },
    message: { fr: r.message ?? 'Constat {{value}}', en: r.message ?? 'Finding {{value}}' },
    remediation: { fr: 'Corrigez le fichier.', en: 'Fix the file.' },
    references: r.refs,
    target: r.target,
    check: r.check,
  });

const FILES: Record<string, string | Buffer> = {
  // JSON is YAML: the rules are written as JSON.
  'rules/root.yaml': rule({
    id: 'docker-test-root',
    domain: 'security',
    severity: 'high',
    title: "L'image s'exécute en root",
    refs: [{ framework: 'CIS Docker Benchmark', criterion: '4.1', url: 'https://www.cisecurity.org/benchmark/docker' }, { framework: 'ANSSI', criterion: 'R12' }],
    target: { kind: 'dockerfile' },
    check: { schema: { select: 'final-stage', assert: { required: ['user'], properties: { user: { type: 'string', not: { pattern: '^root$' } } } } } },
    message: 'L’image finale s’exécute en root',
  }),
  'rules/key.yaml': rule({
    id: 'secret-test-key',
    domain: 'secrets',
    severity: 'critical',
    title: 'Clé privée dans le dépôt',
    refs: [{ framework: 'ANSSI', criterion: 'R28' }],
    target: { kind: 'text' },
    check: { text: { match: 'BEGIN TEST KEY' } },
  }),
  'rules/alt.yaml': rule({
    id: 'a11y-test-img-alt',
    domain: 'accessibility',
    severity: 'high',
    title: 'Image sans alternative',
    refs: [{ framework: 'RGAA 4.1', criterion: '1.1' }, { framework: 'WCAG 2.1', criterion: '1.1.1' }],
    target: { kind: 'html' },
    check: { html: { match: 'img:not([alt])' } },
  }),
  'rules/email.yaml': rule({
    id: 'gdpr-test-email',
    domain: 'gdpr',
    severity: 'medium',
    title: 'Adresse électronique en clair',
    refs: [{ framework: 'RGPD', criterion: 'art. 5' }],
    target: { kind: 'text', files: ['*.json'] },
    check: { text: { match: '(?<value>[a-z.]+@[a-z.]+\\.fr)', capture: 'value' } },
  }),
  'rules/license.yaml': rule({
    id: 'hyg-test-license',
    domain: 'hygiene',
    severity: 'medium',
    title: 'Licence absente',
    refs: [{ framework: 'OpenSSF Scorecard', criterion: 'License' }],
    target: { kind: 'repository' },
    check: { repository: { missing: ['LICENSE*'] } },
    message: 'Le dépôt n’a pas de licence',
  }),
  'rules/autoplay.yaml': rule({
    id: 'eco-test-autoplay',
    domain: 'ecodesign',
    severity: 'low',
    title: 'Lecture automatique',
    refs: [{ framework: 'RGESN', criterion: '5.3' }],
    target: { kind: 'html' },
    check: { html: { match: 'video[autoplay]' } },
  }),
  'rules/cdn.yaml': rule({
    id: 'sov-test-cdn',
    domain: 'sovereignty',
    severity: 'info',
    title: 'CDN public',
    refs: [{ framework: 'RGESN', criterion: '2.1' }],
    target: { kind: 'text', files: ['**/*.html'] },
    check: { text: { match: 'cdn\\.example\\.com' } },
  }),
  'rules/never.yaml': rule({
    id: 'cpin-test-never',
    domain: 'platform',
    severity: 'low',
    title: 'Règle sans constat',
    refs: [{ framework: 'Cloud Pi Native', criterion: 'Test' }],
    target: { kind: 'text' },
    check: { text: { match: 'NEVER_MATCHES_ANYTHING_42' } },
  }),
  'app/.cadre-waivers.yml': `waivers:
  - rule: docker-test-root
    paths: ["legacy/**"]
    justification: "Image du traitement de nuit, reconstruite sans root au T1 <ticket & suivi>."
    author: Jeanne Martin
    approver: RSSI
    created: 2026-10-01
    expires: 2027-01-31
`,
  'app/Dockerfile': 'FROM alpine:3.20\nUSER root\n',
  'app/legacy/Dockerfile': 'FROM alpine:3.20\nUSER root\n',
  'app/web/index.html':
    '<!doctype html><html lang="fr"><title>x</title>\n<script src="https://cdn.example.com/lib.js"></script>\n<img src="a.png"><img src="b.png" alt="">\n<img src="c.png">\n<video autoplay src="v.mp4"></video></html>\n',
  'app/data/seed.json': '{"users": [\n  {"mail": "jeanne.martin@interieur.gouv.fr"},\n  {"mail": "paul.durand@finances.gouv.fr"}\n]}\n',
  'app/deploy/key.txt': 'BEGIN TEST KEY\n',
  'app/assets/logo.bin': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 1, 2, 3]),
};

/** The small project, scanned; everything that varies between runs is fixed. */
export async function sampleReport(lang: 'fr' | 'en' = 'fr'): Promise<{ report: Report; gate: GateResult }> {
  const dir = repo(FILES);
  const outcome = await runCheck({ target: join(dir, 'app'), targetName: 'app', ruleFolders: [join(dir, 'rules')], builtinRules: false, today: '2026-11-28', lang });
  const report = outcome.report;
  report.startedAt = '2026-11-28T10:00:00.000Z';
  report.durationMs = 1234;
  report.tool.version = '0.0.0-test';
  report.ruleset.digest = `sha256:${'ab'.repeat(32)}`;
  report.target.commit = '3f786850e387550fdab836ed7e6dc881de23001b';
  report.errors.push({ file: 'web/broken.yaml', line: 3, message: 'unexpected end of the stream within a flow collection' });
  expectValidReport(report);
  return { report, gate: evaluateGate(report, 'high') };
}

/** The demo repository with the built-in rules (undefined when the fixture is not there). */
export async function demoReport(lang: 'fr' | 'en' = 'fr'): Promise<{ report: Report; gate: GateResult } | undefined> {
  const target = join(import.meta.dirname, '..', 'fixtures', 'demo');
  if (!existsSync(target)) return undefined;
  const { report, gate } = await runCheck({ target, builtinRules: true, lang });
  expectValidReport(report);
  return { report, gate };
}

/** Every trick a file name, a message or a snippet could play on an output format. */
export const HOSTILE = {
  file: 'odd dir/"quoted" \'single\' <script>alert(1)</script>|pipe|\n::error::boom\u001b[31mred]]>&amp; @org/team `tick` *b* _i_ [l](http://x) $x$ #1 ~s~\\.yaml',
  message: 'Valeur <img src=x onerror=alert(1)> | ]]> & "q" \'a\' `code` **gras** _it_ [lien](javascript:alert(1)) \u001b[31mrouge\u001b[0m\n::error file=x::injected\r\nsuite @admin',
  snippet: 'password = "<b>hunter2</b>" ]]> \u0000\u0007\u000b\u001b[2J \ud800 \ufffe \u202e reversed',
};

const hostileFinding = (over: Partial<Finding>): Finding => ({
  ruleId: 'docker-test-root',
  severity: 'high',
  domain: 'security',
  message: HOSTILE.message,
  references: [{ framework: 'CIS <Docker> & "Co"', criterion: '4.1 | ]]>', url: 'https://example.org/?a=1&b=<2>' }],
  fingerprint: '0123456789abcdef0123456789abcdef',
  ...over,
});

/** A hand-made report whose every user-controlled text is hostile. */
export function hostileReport(lang: 'fr' | 'en' = 'fr'): Report {
  const findings: Finding[] = [
    hostileFinding({ severity: 'critical', domain: 'secrets', ruleId: 'secret-test-key', file: HOSTILE.file, line: 3, column: 2, snippet: HOSTILE.snippet, fingerprint: 'aaaaaaaa000000000000000000000001' }),
    hostileFinding({ file: HOSTILE.file, line: 3, snippet: HOSTILE.snippet, fingerprint: 'aaaaaaaa000000000000000000000002' }),
    hostileFinding({ file: 'a|b/c<d>.yaml', fingerprint: 'bbbbbbbb000000000000000000000003' }),
    hostileFinding({ severity: 'medium', domain: 'hygiene', ruleId: 'hyg-test-license', fingerprint: 'cccccccc000000000000000000000004' }),
    hostileFinding({
      file: 'legacy/Dockerfile',
      line: 2,
      fingerprint: 'dddddddd000000000000000000000005',
      waiver: { source: 'file', location: '.cadre-waivers.yml:2', justification: 'Accepté <b>ticket</b> & "suivi" ]]> \u001b[31m', author: 'J. <Martin>', expires: '2027-01-31' },
    }),
  ];
  return {
    reportVersion: '1',
    tool: { name: 'cadre', version: '0.0.0-test' },
    ruleset: { digest: `sha256:${'cd'.repeat(32)}`, rules: 3 },
    target: { path: 'app', commit: '3f786850e387550fdab836ed7e6dc881de23001b' },
    lang,
    startedAt: '2026-11-28T10:00:00.000Z',
    durationMs: 42,
    summary: { files: 4, findings: 4, waived: 1, bySeverity: { critical: 1, high: 2, medium: 1, low: 0, info: 0 }, byDomain: { hygiene: 1, secrets: 1, security: 2 } },
    scores: { frameworks: [], domains: [] },
    waivers: [],
    rules: [
      { id: 'docker-test-root', domain: 'security', severity: 'high', title: 'Root <b>"x"</b> & \u001b[1m', description: 'd', remediation: 'Use `USER <name>` & ]]>', references: [], tags: [] },
      { id: 'hyg-test-license', domain: 'hygiene', severity: 'medium', title: 'Licence', description: 'd', remediation: 'Add one', references: [], tags: [] },
      { id: 'secret-test-key', domain: 'secrets', severity: 'critical', title: 'Key', description: 'd', remediation: 'Rotate', references: [], tags: [] },
      { id: 'eco-test-never', domain: 'ecodesign', severity: 'low', title: 'Never | <i>fires</i>', description: 'd', remediation: 'r', references: [], tags: [] },
    ],
    findings,
    skipped: [{ file: 'bin/<evil>\u001b[31m|x.bin', reason: 'binary' }, { file: 'big & "large".json', reason: 'too-large', detail: '> 1 MiB <' }],
    errors: [{ file: HOSTILE.file, line: 1, message: 'parse error <oops> & ]]> \u001b[31m\nline two' }, { ruleId: 'docker-test-root', message: 'rule failed "badly"' }],
  };
}

/** The sample report with `count` findings spread over files, rules and severities. */
export function bigReport(base: Report, count: number): Report {
  const template = base.findings.find((f) => f.file && !f.waiver) ?? base.findings[0];
  const findings: Finding[] = [];
  for (let i = 0; i < count; i++) {
    const { waiver: _waiver, ...rest } = template;
    findings.push({
      ...rest,
      severity: SEVERITIES[i % SEVERITIES.length],
      file: `src/module-${String(i % 97).padStart(2, '0')}/file-${i}.js`,
      line: (i % 400) + 1,
      message: `Constat numéro ${i} : une valeur à corriger dans ce fichier, avec un peu de texte pour occuper la ligne.`,
      fingerprint: i.toString(16).padStart(32, '0'),
    });
  }
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, findings.filter((f) => f.severity === s).length])) as Report['summary']['bySeverity'];
  return { ...base, findings, summary: { ...base.summary, findings: count, waived: 0, bySeverity, byDomain: { [template.domain]: count } } };
}
