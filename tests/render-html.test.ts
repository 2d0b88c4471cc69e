// The auditor's HTML report: one self-contained, accessible file. Static checks (structure, no
// external resource, escaping of a hostile report, both languages), then the file in Debian's
// Chromium: filters, live region, no request leaves the page, and axe-core finds no violation.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'htmlparser2';
import { selectAll, selectOne } from 'css-select';
import { Element, type AnyNode, type Document } from 'domhandler';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { runCheck } from '../src/check.js';
import type { Report } from '../src/model/types.js';
import { renderHtml, CONTENT_SECURITY_POLICY } from '../src/render/html.js';
import { loadRenderer } from '../src/render/renderer.js';
import { generateKeyPair } from '../src/audit/keys.js';
import { signReport } from '../src/audit/sign.js';
import { evaluateGate } from '../src/gate/gate.js';
import { expectValidReport, repo } from './helpers.js';

// ---------------------------------------------------------------------------------------------
// A small project breaking a few rules of every kind, with waivers.

const ruleYaml = (r: { id: string; domain: string; severity: string; title: string; refs: string; target: string; check: string; extra?: string }) => `id: ${r.id}
domain: ${r.domain}
severity: ${r.severity}
title: {fr: "${r.title}", en: "${r.title} (en)"}
message: {fr: "Constat {{value}}", en: "Finding {{value}}"}
remediation: {fr: "Corrigez avec \`alt=\\"\\"\` <b>pas du HTML</b>", en: "Fix it with \`alt=\\"\\"\`"}
references: ${r.refs}
${r.extra ?? ''}
target: ${r.target}
check:
${r.check}
`;

const RULES: Record<string, string> = {
  'rules/root.yaml': ruleYaml({
    id: 'docker-test-root',
    domain: 'security',
    severity: 'high',
    title: "L'image s'exécute en root",
    refs: '[{framework: CIS Docker Benchmark, criterion: "4.1", url: "https://www.cisecurity.org/benchmark/docker"}, {framework: ANSSI, criterion: R12}]',
    target: '{kind: dockerfile}',
    check: '  schema:\n    select: final-stage\n    assert: {required: [user], properties: {user: {type: string, not: {pattern: "^root$"}}}}',
  }),
  'rules/key.yaml': ruleYaml({
    id: 'secret-test-key',
    domain: 'secrets',
    severity: 'critical',
    title: 'Clé privée dans le dépôt',
    refs: '[{framework: ANSSI, criterion: R28}]',
    extra: 'waivable: false',
    target: '{kind: text}',
    check: '  text: {match: "BEGIN TEST KEY"}',
  }),
  'rules/alt.yaml': ruleYaml({
    id: 'a11y-test-img-alt',
    domain: 'accessibility',
    severity: 'high',
    title: 'Image sans alternative',
    refs: '[{framework: RGAA 4.1, criterion: "1.1", url: "https://accessibilite.numerique.gouv.fr/methode/criteres-et-tests/#1.1"}, {framework: WCAG 2.1, criterion: 1.1.1}]',
    target: '{kind: html}',
    check: '  html: {match: "img:not([alt])"}',
  }),
  'rules/email.yaml': ruleYaml({
    id: 'gdpr-test-email',
    domain: 'gdpr',
    severity: 'medium',
    title: 'Adresse électronique en clair',
    refs: '[{framework: RGPD, criterion: "art. 5"}]',
    target: '{kind: text, files: ["*.json"]}',
    check: '  text: {match: "(?<value>[a-z.]+@[a-z.]+\\\\.fr)", capture: value}',
  }),
  'rules/lang.yaml': ruleYaml({
    id: 'a11y-test-lang',
    domain: 'accessibility',
    severity: 'medium',
    title: 'Page sans langue',
    refs: '[{framework: RGAA 4.1, criterion: "8.3"}, {framework: WCAG 2.1, criterion: 3.1.1}]',
    target: '{kind: html}',
    check: '  html: {match: "html:not([lang])"}',
  }),
  'rules/token.yaml': ruleYaml({
    id: 'secret-test-token',
    domain: 'secrets',
    severity: 'critical',
    title: 'Jeton d’accès',
    refs: '[{framework: ANSSI, criterion: R29}]',
    target: '{kind: text}',
    check: '  text: {match: "glpat-[0-9a-zA-Z]{20}"}',
  }),
  'rules/autoplay.yaml': ruleYaml({
    id: 'eco-test-autoplay',
    domain: 'ecodesign',
    severity: 'low',
    title: 'Lecture automatique',
    refs: '[{framework: RGESN, criterion: "5.3"}]',
    target: '{kind: html}',
    check: '  html: {match: "video[autoplay]"}',
  }),
};

const WAIVERS = `waivers:
  - rule: docker-test-root
    paths: ["legacy/**"]
    justification: "Image du traitement de nuit, reconstruite sans root à la migration du T1 <ticket & suivi>."
    author: Jeanne Martin
    approver: RSSI de la préfecture
    ticket: SEC-142
    created: 2026-10-01
    expires: 2027-01-31
  - rule: gdpr-test-email
    paths: ["old/**"]
    justification: Ancien jeu de données supprimé en 2025.
    author: Jeanne Martin
    created: 2025-01-01
    expires: 2027-01-01
`;

const FILES: Record<string, string | Buffer> = {
  ...RULES,
  'app/.cadre-waivers.yml': WAIVERS,
  'app/legacy/Dockerfile': 'FROM alpine:3.20\nUSER root\n',
  'app/api/Dockerfile': 'FROM alpine:3.20\n# cadre-ignore docker-test-root: the entrypoint drops privileges with su-exec before starting\nUSER root\n',
  'app/batch/Dockerfile': 'FROM alpine:3.20\nUSER root\n',
  'app/web/index.html': '<!doctype html><html lang="fr"><title>x</title><img src="a.png"><img src="b.png" alt="">\n<video autoplay src="v.mp4"></video></html>\n',
  'app/data/seed.json': '{"users": [\n  {"mail": "jeanne.martin@interieur.gouv.fr"},\n  {"mail": "paul.durand@finances.gouv.fr"}\n]}\n',
  'app/deploy/key.txt': 'BEGIN TEST KEY\n',
  'app/assets/logo.bin': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 1, 2, 3]),
};

async function sampleReport(lang: 'fr' | 'en' = 'fr'): Promise<{ report: Report; html: string }> {
  const dir = repo(FILES);
  const outcome = await runCheck({ target: join(dir, 'app'), targetName: 'app', ruleFolders: [join(dir, 'rules')], builtinRules: false, today: '2026-11-28', lang });
  expectValidReport(outcome.report);
  const report = outcome.report;
  report.target.commit = '3f786850e387550fdab836ed7e6dc881de23001b';
  report.errors.push({ file: 'web/broken.yaml', line: 3, message: 'unexpected end of the stream within a flow collection' });
  const signed = signReport(report, generateKeyPair().privateKeyPem, { now: new Date('2026-11-28T10:05:00Z') });
  return { report: signed, html: renderHtml(signed, { gate: evaluateGate(signed, 'high') }) };
}

// ---------------------------------------------------------------------------------------------
// Static checks

const parse = (html: string) => parseDocument(html);
const all = (doc: Document, selector: string) => selectAll(selector, doc) as Element[];
const textOf = (node: AnyNode): string =>
  node instanceof Element ? node.children.map(textOf).join('') : 'data' in node && typeof node.data === 'string' && node.type === 'text' ? node.data : '';

/** Every place a page can load something from: none may point outside the file. */
function externalLoads(html: string): string[] {
  const doc = parse(html);
  const found: string[] = [];
  for (const el of all(doc, '*')) {
    for (const [name, value] of Object.entries(el.attribs)) {
      const isLink = el.name === 'a' && name === 'href';
      if (['src', 'href', 'srcset', 'poster', 'data', 'action', 'formaction', 'xlink:href', 'background', 'manifest', 'ping'].includes(name) && !isLink) {
        found.push(`<${el.name} ${name}="${value}">`);
      }
      if (/url\s*\(/i.test(value) && name === 'style') found.push(`style url( on <${el.name}>`);
    }
    if (el.name === 'link' || el.name === 'iframe' || el.name === 'object' || el.name === 'embed' || el.name === 'img' || el.name === 'base') found.push(`<${el.name}>`);
  }
  for (const style of all(doc, 'style')) {
    const css = textOf(style);
    if (/url\s*\(|@import|@font-face/i.test(css)) found.push('url()/@import/@font-face in <style>');
  }
  if (/@import|url\s*\(/i.test(html.replace(/<a [^>]*>/g, ''))) found.push('url( or @import somewhere');
  return found;
}

describe('HTML report, static', () => {
  let report: Report;
  let html: string;
  beforeAll(async () => {
    ({ report, html } = await sampleReport('fr'));
  });

  it('is a registered format', async () => {
    expect(await loadRenderer('html')).toBe(renderHtml);
  });

  it('is one well-formed, French, self-contained document', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="fr">')).toBe(true);
    const doc = parse(html);
    expect(all(doc, 'html')).toHaveLength(1);
    expect(textOf(selectOne('title', doc) as Element)).toBe('Rapport de conformité cadre — app');
    expect(all(doc, 'script')).toHaveLength(1);
    expect(all(doc, 'style')).toHaveLength(1);
    expect(all(doc, 'script[src], link, img, iframe, object, embed, base')).toEqual([]);
    expect(externalLoads(html)).toEqual([]);
    // A strict policy: nothing may be fetched, only this style sheet and this script run, by hash.
    const csp = (selectOne('meta[http-equiv=Content-Security-Policy]', doc) as Element).attribs.content;
    expect(csp).toBe(CONTENT_SECURITY_POLICY);
    expect(csp).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/]+=*'; script-src 'sha256-[A-Za-z0-9+/]+=*';/);
    expect(csp).not.toMatch(/unsafe|https?:/);
    // The only web addresses are reference links for the reader, never resources.
    for (const match of html.matchAll(/https?:\/\/[^\s"'<>]+/g)) {
      const before = html.slice(Math.max(0, match.index! - 200), match.index);
      expect(before, match[0]).toMatch(/<a href="$|>[^<]*$/);
    }
  });

  it('has landmarks, ordered headings, labelled controls and tables with headers', () => {
    const doc = parse(html);
    expect(all(doc, 'header')).toHaveLength(1);
    expect(all(doc, 'nav[aria-label]')).toHaveLength(1);
    expect(all(doc, 'main')).toHaveLength(1);
    expect(all(doc, 'footer')).toHaveLength(1);
    const levels = all(doc, 'h1, h2, h3, h4, h5, h6').map((h) => Number(h.name[1]));
    expect(levels[0]).toBe(1);
    expect(levels.filter((l) => l === 1)).toHaveLength(1);
    levels.forEach((level, i) => i > 0 && expect(level).toBeLessThanOrEqual(levels[i - 1]! + 1));
    for (const control of all(doc, 'select, input')) {
      expect(all(doc, `label[for="${control.attribs.id}"]`), control.attribs.id).toHaveLength(1);
    }
    for (const table of all(doc, 'table')) {
      expect(all(table as unknown as Document, 'caption')).toHaveLength(1);
      expect(all(table as unknown as Document, 'th').every((th) => th.attribs.scope === 'col' || th.attribs.scope === 'row')).toBe(true);
    }
    expect(all(doc, '[role=status][aria-live=polite]')).toHaveLength(1);
    // Without script, every finding is visible and the filters (which need it) are hidden.
    expect(all(doc, 'form#filters[hidden]')).toHaveLength(1);
    expect(all(doc, '[data-finding][hidden]')).toEqual([]);
  });

  it('shows the verdict, summary, scores, findings with their details, waivers, skipped files, errors and the signature', () => {
    const doc = parse(html);
    const page = textOf(selectOne('body', doc) as Element).replace(/\s+/g, ' ');
    expect(page).toContain('Non conforme');
    expect(page).toContain(report.ruleset.digest);
    expect(page).toContain(report.target.commit!);
    expect(page).toContain(`cadre ${report.tool.version}`);
    expect(page).toContain('28 novembre 2026');
    // Scores: one row per framework with passed / waived / failed and a bar beside the numbers.
    const frameworks = all(doc, '#scores table')[0]!;
    const rows = all(frameworks as unknown as Document, 'tbody tr');
    expect(rows.map((r) => textOf(r.children[0]!))).toEqual(report.scores.frameworks.map((f) => f.framework));
    expect(all(frameworks as unknown as Document, 'svg[aria-hidden=true] rect').length).toBeGreaterThan(0);
    // Every finding, with snippet, remediation and references.
    const items = all(doc, '[data-finding]');
    expect(items).toHaveLength(report.findings.length);
    const alt = items.find((i) => i.attribs['data-file'] === 'web/index.html' && i.attribs['data-domain'] === 'accessibility')!;
    expect(textOf(alt)).toContain('Corrigez avec alt=""');
    expect(all(alt as unknown as Document, 'dd code').map(textOf)).toEqual(['alt=""']);
    expect(all(alt as unknown as Document, 'a').map((a) => a.attribs.href)).toEqual(['https://accessibilite.numerique.gouv.fr/methode/criteres-et-tests/#1.1']);
    expect(textOf(alt)).toContain('WCAG 2.1 1.1.1');
    expect(all(doc, 'pre.snippet').length).toBeGreaterThan(0);
    // The most severe first, the waived last.
    expect(items[0]!.attribs['data-severity']).toBe('critical');
    expect(items.at(-1)!.attribs['data-state']).toBe('waived');
    // Waivers with justification, author, approver, expiry and status.
    const waivers = textOf(selectOne('#waivers', doc) as Element);
    expect(waivers).toContain('Image du traitement de nuit, reconstruite sans root à la migration du T1 <ticket & suivi>.');
    expect(html).toContain('&lt;ticket &amp; suivi&gt;');
    expect(waivers).toMatch(/RSSI de la préfecture[\s\S]*31 janvier 2027/);
    expect(waivers).toContain('sans objet');
    expect(waivers).toContain('SEC-142');
    expect(textOf(selectOne('#skipped', doc) as Element)).toContain('assets/logo.bin');
    expect(textOf(selectOne('#errors', doc) as Element)).toContain('unexpected end of the stream');
    const verification = textOf(selectOne('#verification', doc) as Element);
    expect(verification).toContain(report.signature!.keyId);
    expect(verification).toContain('cadre verify');
  });

  it('says when a report is not signed', () => {
    const { signature: _s, ...unsigned } = report;
    const text = textOf(selectOne('#verification', parse(renderHtml(unsigned, {}))) as Element);
    expect(text).toContain('n’est pas signé');
    expect(text).toContain('cadre check --sign');
  });

  it('is in English with lang en', async () => {
    const { html: english } = await sampleReport('en');
    expect(english.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    const doc = parse(english);
    expect(textOf(selectOne('title', doc) as Element)).toBe('cadre compliance report — app');
    const page = textOf(selectOne('body', doc) as Element);
    expect(page).toContain('Not compliant');
    expect(page).toContain('Filter the findings');
    expect(page).toContain('November 2026');
    expect(page).not.toMatch(/Constats|Dérogations|Synthèse/);
  });

  it('escapes every string of a hostile report', () => {
    const hostile = JSON.parse(JSON.stringify(report)) as Report;
    const evil = `<script>alert("x")</script>"'&amp;\n<img src=x onerror=alert(1)>`;
    hostile.target.path = `</title><script>alert(1)</script>`;
    hostile.findings[0]!.file = `web/${evil}.html`;
    hostile.findings[0]!.message = `message ${evil}`;
    hostile.findings[0]!.snippet = `</script><!-- ]]> \u001b[31mred\u001b[0m \u202eevil <style>*{}</style>`;
    hostile.findings[1]!.references = [{ framework: `"><script>alert(2)</script>`, criterion: '<b>1</b>', url: 'javascript:alert(3)' }];
    hostile.findings[2]!.waiver = { source: 'file', location: `<iframe src=//evil>`, justification: `</p><script>alert(4)</script>`, author: '"onmouseover="alert(5)' };
    hostile.rules[0]!.remediation = 'Use `</code><script>alert(6)</script>` then';
    hostile.rules[0]!.title = '<svg onload=alert(7)>';
    hostile.waivers[0]!.justification = `<script>alert(8)</script>`;
    hostile.waivers[0]!.paths = [`"><script>alert(9)</script>`];
    hostile.skipped.push({ file: `"><svg/onload=alert(10)>\n.bin`, reason: 'binary' });
    hostile.errors.push({ file: `</style><script>alert(11)</script>`, message: `</td></tr></table><script>alert(12)</script>`, ruleId: '<x>' });
    hostile.scores.frameworks[0]!.framework = `<script>alert(13)</script>`;
    hostile.summary.byDomain = { '<script>alert(14)</script>': 1 };
    hostile.tool.version = '"><script>alert(15)</script>';

    const html = renderHtml(hostile, {});
    const doc = parse(html);
    expect(all(doc, 'script')).toHaveLength(1);
    expect(textOf(all(doc, 'script')[0]!)).not.toContain('alert');
    expect(all(doc, 'style')).toHaveLength(1);
    expect(all(doc, 'img, iframe, title > *, b')).toEqual([]);
    // Only our bars are SVG, and no element carries an event handler.
    expect(all(doc, 'svg').every((svg) => svg.attribs.class === 'bar')).toBe(true);
    for (const el of all(doc, '*')) expect(Object.keys(el.attribs).filter((a) => a.startsWith('on')), el.name).toEqual([]);
    expect(all(doc, 'a').every((a) => /^(#|https:\/\/)/.test(a.attribs.href ?? ''))).toBe(true);
    expect(html).not.toContain('javascript:');
    expect(externalLoads(html)).toEqual([]);
    // The text is shown as written, control characters and bidi overrides made visible.
    const page = textOf(selectOne('body', doc) as Element);
    expect(textOf(selectOne('title', doc) as Element)).toBe('Rapport de conformité cadre — </title><script>alert(1)</script>');
    expect(page).toContain('</script><!-- ]]> \\u001b[31mred\\u001b[0m \\u202eevil <style>*{}</style>');
    expect(page).not.toContain('\u001b');
    expect(page).not.toContain('\u202e');
    expect(page).toContain('web/<script>alert("x")</script>"\'&amp; <img src=x onerror=alert(1)>.html');
    expect(page).toContain('</p><script>alert(4)</script>');
    expect(page).toContain('</td></tr></table><script>alert(12)</script>');
    const first = all(doc, '[data-finding]').find((i) => i.attribs['data-file']?.startsWith('web/<script>'))!;
    expect(first.attribs['data-file']).toBe('web/<script>alert("x")</script>"\'&amp; <img src=x onerror=alert(1)>.html');
  });
});

// ---------------------------------------------------------------------------------------------
// In a real browser

const CHROMIUM = process.env.CADRE_CHROMIUM ?? '/usr/bin/chromium';
const SKIP_BROWSER = process.env.CADRE_SKIP_BROWSER === '1';
const SCREENSHOTS = process.env.CADRE_SCREENSHOTS;

describe.skipIf(SKIP_BROWSER)('HTML report, in Chromium', () => {
  let browser: Browser | undefined;
  let server: Server;
  let base: string;
  const pages = new Map<string, string>();
  let report: Report;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(
        `Chromium is needed to test the HTML report and was not found at ${CHROMIUM}. Install Debian's chromium (apt-get install chromium; .ci/run does it), set CADRE_CHROMIUM to its path, or set CADRE_SKIP_BROWSER=1 to skip these tests.`,
      );
    }
    const fr = await sampleReport('fr');
    const en = await sampleReport('en');
    report = fr.report;
    pages.set('/fr.html', fr.html);
    pages.set('/en.html', en.html);
    server = createServer((request, response) => {
      const body = pages.get(request.url ?? '');
      response.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
      response.end(body ?? '');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });

  afterAll(async () => {
    await browser?.close();
    if (server) await new Promise((resolve) => server.close(resolve));
  });

  /** Opens a report; every request other than the page itself is blocked and recorded. */
  async function open(path: string, options: { bypassCSP?: boolean; javaScriptEnabled?: boolean } = {}) {
    const context: BrowserContext = await browser!.newContext({ ...options, viewport: { width: 1280, height: 900 } });
    const page: Page = await context.newPage();
    const url = `${base}${path}`;
    const blocked: string[] = [];
    const problems: string[] = [];
    await page.route('**/*', (route) => {
      if (route.request().url() === url) return route.continue();
      blocked.push(route.request().url());
      return route.abort();
    });
    page.on('request', (request) => request.url() !== url && blocked.push(request.url()));
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        (window as unknown as { cspViolations: string[] }).cspViolations ??= [];
        (window as unknown as { cspViolations: string[] }).cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
      });
    });
    await page.goto(url, { waitUntil: 'load' });
    return { context, page, blocked, problems, cspViolations: () => page.evaluate(() => (window as unknown as { cspViolations?: string[] }).cspViolations ?? []) };
  }

  const visible = (page: Page) => page.locator('[data-finding]:visible');
  const status = (page: Page) => page.locator('#finding-count');
  const count = (predicate: (f: Report['findings'][number]) => boolean) => report.findings.filter(predicate).length;

  it('filters the findings by severity, domain, framework, status and file, and announces how many are shown', async () => {
    const { context, page, blocked, problems, cspViolations } = await open('/fr.html');
    const total = report.findings.length;
    expect(total).toBeGreaterThanOrEqual(8);
    // The script ran under the page's own policy: the filters are shown, styles applied.
    await expect.poll(() => page.locator('#filters').isVisible()).toBe(true);
    expect(await page.locator('main').evaluate((main) => getComputedStyle(main).maxWidth)).toBe('1152px');
    expect(await visible(page).count()).toBe(total);
    expect(await status(page).textContent()).toBe(`${total} constats affichés sur ${total}.`);

    await page.getByLabel('Gravité', { exact: true }).selectOption('critical');
    expect(await visible(page).count()).toBe(count((f) => f.severity === 'critical'));
    expect(await status(page).textContent()).toBe(`1 constat affiché sur ${total}.`);
    if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, 'filter-critical.png'), fullPage: true });

    await page.getByRole('button', { name: 'Réinitialiser les filtres' }).click();
    await expect.poll(() => visible(page).count()).toBe(total);

    await page.getByLabel('Domaine', { exact: true }).selectOption({ label: 'Sécurité' });
    const security = count((f) => f.domain === 'security');
    expect(await visible(page).count()).toBe(security);
    expect(await status(page).textContent()).toBe(`${security} constats affichés sur ${total}.`);
    await page.getByLabel('Statut', { exact: true }).selectOption({ label: 'Sous dérogation' });
    expect(await visible(page).count()).toBe(count((f) => f.domain === 'security' && !!f.waiver));

    await page.getByRole('button', { name: 'Réinitialiser les filtres' }).click();
    await page.getByLabel('Référentiel', { exact: true }).selectOption({ label: 'RGAA 4.1' });
    const rgaa = count((f) => f.references.some((r) => r.framework === 'RGAA 4.1'));
    expect(rgaa).toBeGreaterThan(0);
    expect(await visible(page).count()).toBe(rgaa);
    await page.getByLabel('Référentiel', { exact: true }).selectOption({ label: 'ANSSI' });
    expect(await visible(page).count()).toBe(count((f) => f.references.some((r) => r.framework === 'ANSSI')));

    await page.getByRole('button', { name: 'Réinitialiser les filtres' }).click();
    await page.getByLabel('Fichier (tout ou partie du chemin)', { exact: true }).fill('SEED');
    const seed = count((f) => f.file === 'data/seed.json');
    await expect.poll(() => status(page).textContent()).toBe(`${seed} constats affichés sur ${total}.`);
    expect(await visible(page).locator('code', { hasText: 'data/seed.json' }).count()).toBe(seed);
    await page.getByLabel('Gravité', { exact: true }).selectOption('critical');
    expect(await visible(page).count()).toBe(0);
    expect(await status(page).textContent()).toBe(`Aucun constat ne correspond aux filtres (sur ${total}).`);
    // Enter in the text field does not submit anything.
    await page.getByLabel('Fichier (tout ou partie du chemin)', { exact: true }).press('Enter');
    expect(page.url()).toBe(`${base}/fr.html`);

    expect(blocked).toEqual([]);
    expect(await cspViolations()).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows everything without JavaScript', async () => {
    const { context, page, blocked } = await open('/fr.html', { javaScriptEnabled: false });
    expect(await page.locator('#filters').isVisible()).toBe(false);
    expect(await visible(page).count()).toBe(report.findings.length);
    expect(blocked).toEqual([]);
    await context.close();
  });

  for (const lang of ['fr', 'en']) {
    it(`has no accessibility violation for axe-core (${lang})`, async () => {
      // axe is injected as a script, which the page's own policy would rightly refuse.
      const { context, page, blocked } = await open(`/${lang}.html`, { bypassCSP: true });
      await page.addScriptTag({ path: join(process.cwd(), 'node_modules/axe-core/axe.min.js') });
      await page.locator('details summary').first().click();
      const axe = async (width: number) => {
        await page.setViewportSize({ width, height: 900 });
        const results = await page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run: (context?: unknown, options?: unknown) => Promise<{ violations: { id: string; help: string; nodes: { target: unknown }[] }[]; passes: unknown[] }> } }).axe;
          return axe.run(document, { resultTypes: ['violations'] });
        });
        expect(results.passes.length).toBeGreaterThan(10);
        return results.violations.map((v) => `${width}px ${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')})`);
      };
      // On a desktop screen and on a phone (where wide tables scroll).
      expect([...(await axe(1280)), ...(await axe(390))]).toEqual([]);
      await page.setViewportSize({ width: 1280, height: 900 });
      if (SCREENSHOTS) {
        mkdirSync(SCREENSHOTS, { recursive: true });
        await page.screenshot({ path: join(SCREENSHOTS, `report-${lang}.png`), fullPage: true });
        await page.setViewportSize({ width: 390, height: 844 });
        await page.screenshot({ path: join(SCREENSHOTS, `report-${lang}-mobile.png`), fullPage: true });
        writeFileSync(join(SCREENSHOTS, `report-${lang}.html`), pages.get(`/${lang}.html`)!);
      }
      expect(blocked).toEqual([]);
      await context.close();
    });
  }
});
