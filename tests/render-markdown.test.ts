// Markdown for comments, notes and job summaries: a snapshot of a deterministic report in both
// languages, escaping of a hostile report (no HTML, no broken table, no mention, no control
// character) and the size budget (whole rows dropped, counted, tags balanced).
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateGate, type GateResult } from '../src/gate/gate.js';
import type { Report } from '../src/model/types.js';
import { DEFAULT_MAX_LENGTH, escapeMarkdown, MARKDOWN_MARKER, renderMarkdown, TOP_ROWS } from '../src/render/markdown.js';
import { loadRenderer } from '../src/render/renderer.js';
import { bigReport, demoReport, hostileReport, sampleReport } from './render-samples.js';

/** Table rows of findings (4 columns): the lines that start with "| " after a header with the rule column. */
function findingRows(md: string): string[] {
  const lines = md.split('\n');
  const rows: string[] = [];
  let inTable = false;
  for (const line of lines) {
    if (/^\| (Sévérité|Severity) \| (Règle|Rule) \|/.test(line)) inTable = true;
    else if (!line.startsWith('|')) inTable = false;
    else if (inTable && !line.startsWith('|---')) rows.push(line);
  }
  return rows;
}

/** Pipes a table would split on: those not escaped by an odd number of backslashes. */
const cellSeparators = (line: string) => line.match(/(?<!\\)(?:\\\\)*\|/g)?.length ?? 0;

/** The tags cadre writes itself; anything else that looks like a tag came from the report. */
const OWN_TAGS = /<!-- cadre-report -->|<\/?details>|<\/?summary>|<\/?sub>/g;

function expectSound(md: string): void {
  expect(md.startsWith(`${MARKDOWN_MARKER}\n`)).toBe(true);
  expect(md.replace(OWN_TAGS, '')).not.toContain('<');
  expect(md).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
  expect(md.match(/<details>/g)?.length ?? 0).toBe(md.match(/<\/details>/g)?.length ?? 0);
  for (const row of findingRows(md)) {
    expect(cellSeparators(row), row).toBe(5);
    expect(row.endsWith(' |')).toBe(true);
  }
}

describe('Markdown renderer', () => {
  let report: Report;
  let gate: GateResult;
  beforeAll(async () => {
    ({ report, gate } = await sampleReport('fr'));
  });

  it('is a registered format', async () => {
    expect(await loadRenderer('markdown')).toBe(renderMarkdown);
  });

  it('matches the French snapshot', async () => {
    const md = renderMarkdown(report, { gate });
    expectSound(md);
    await expect(md).toMatchFileSnapshot('./__snapshots__/render-markdown.fr.md');
  });

  it('matches the English snapshot', async () => {
    const { report: en, gate: enGate } = await sampleReport('en');
    const md = renderMarkdown(en, { gate: enGate });
    expectSound(md);
    expect(md).toContain('### ❌ cadre: FAILED:');
    expect(md).toContain('| Severity | Rule | Location | Message |');
    await expect(md).toMatchFileSnapshot('./__snapshots__/render-markdown.en.md');
  });

  it('says the verdict, the totals and where findings are', () => {
    const md = renderMarkdown(report, { gate });
    expect(md.split('\n')[2]).toBe(`### ❌ cadre : ÉCHEC : ${gate.blocking} constat(s) au niveau « high » ou au-dessus`);
    expect(md).toContain('| critique | élevée | moyenne | faible | info |');
    expect(md).toContain('| Domaine | Constats |');
    expect(md).toContain('| Référentiel | Constats |');
    expect(md).toContain('| RGAA 4.1 | 2 |');
    expect(md).toContain('| `hyg-test-license` | (dépôt) | Le dépôt n’a pas de licence |');
    expect(md).toContain('1 fichier(s) ignoré(s) (binaire : 1) · 1 erreur(s)');
    // Severity order, then file and line: the critical finding first, the waived one last.
    const rows = findingRows(md);
    expect(rows).toHaveLength(report.findings.length);
    expect(rows[0]).toContain('`secret-test-key`');
    expect(rows.at(-1)).toMatch(/^\| dérogé \(élevée\) \| `docker-test-root` \| legacy\/Dockerfile:2 \|/);
    const passed = renderMarkdown(report, { gate: evaluateGate(report, 'none') });
    expect(passed).toContain('### ✅ cadre : seuil « none » respecté');
    const noGate = renderMarkdown(report, {});
    expect(noGate).toContain(`### cadre : ${report.summary.findings} constat(s)`);
    const clean = renderMarkdown({ ...report, findings: [], summary: { ...report.summary, findings: 0, waived: 0, byDomain: {} } }, { gate });
    expectSound(clean);
    expect(clean).toContain('\n\nAucun constat.\n\n');
    expect(clean).not.toContain('| Sévérité |');
  });

  it('folds the rows after the top ones in a details block', async () => {
    const demo = await demoReport('fr');
    const big = bigReport(report, 30);
    for (const { report: r, gate: g } of [{ report: big, gate: evaluateGate(big, 'high') }, ...(demo ? [demo] : [])]) {
      const md = renderMarkdown(r, { gate: g });
      expectSound(md);
      const [top, rest] = md.split('<details>');
      expect(findingRows(top)).toHaveLength(Math.min(TOP_ROWS, r.findings.length));
      if (r.findings.length > TOP_ROWS) {
        expect(rest).toContain(`<summary>${r.findings.length - TOP_ROWS} autre(s) constat(s)</summary>`);
        expect(findingRows(rest)).toHaveLength(r.findings.length - TOP_ROWS);
      }
      expect(md).not.toContain('non affiché(s)');
    }
  });

  it('escapes a hostile report: no HTML, no broken table, no mention, no control character', () => {
    for (const lang of ['fr', 'en'] as const) {
      const hostile = hostileReport(lang);
      const md = renderMarkdown(hostile, { gate: evaluateGate(hostile, 'high') });
      expectSound(md);
      expect(findingRows(md)).toHaveLength(hostile.findings.length);
      expect(md).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(md).toContain('\\|pipe\\|');
      expect(md).toContain('\\]\\]&gt;');
      expect(md).toContain('\\`tick\\`');
      expect(md).toContain('\\*b\\* \\_i\\_ \\[l\\](http://x) \\$x\\$ \\#1 \\~s\\~\\\\.yaml');
      expect(md).toContain('\\[lien\\](javascript:alert(1))');
      expect(md).toContain('&amp;amp;');
      expect(md).toContain('\\\\u001b\\[31m'); // the escape character is shown as text, never sent
      expect(md).not.toMatch(/@(?!\u200b)/);
      expect(md).toContain('@\u200borg/team');
      for (const line of md.split('\n')) expect(line.startsWith('::')).toBe(false);
      expect(md).not.toContain('<img');
      expect(md).not.toContain('hunter2'); // snippets are not shown
    }
  });

  it('escapes every character the brief names', () => {
    expect(escapeMarkdown('a|b<c>d`e[f]g*h_i\u001b\nj')).toBe('a\\|b&lt;c&gt;d\\`e\\[f\\]g\\*h\\_i\\\\u001b j');
  });

  it('keeps 5,000 findings under the default budget and says how many rows were left out', () => {
    const big = bigReport(report, 5000);
    const md = renderMarkdown(big, { gate: evaluateGate(big, 'high') });
    expect(md.length).toBeLessThanOrEqual(DEFAULT_MAX_LENGTH);
    expect(md.length).toBeGreaterThan(DEFAULT_MAX_LENGTH - 1000); // rows fill the room
    expectSound(md);
    const shown = findingRows(md).length;
    expect(shown).toBeGreaterThan(TOP_ROWS);
    const omitted = 5000 - shown;
    expect(md).toContain(`> ${omitted} constat(s) non affiché(s) faute de place : le rapport complet est dans les artefacts du job (JSON, SARIF).`);
    expect(md.trimEnd().endsWith('</sub>')).toBe(true);
    // The rows shown are the most severe ones.
    expect(findingRows(md).every((row) => row.startsWith('| **critique** |') || row.startsWith('| **élevée** |'))).toBe(true);
  });

  it('honours a smaller maxLength, whole rows only', () => {
    const big = bigReport(report, 5000);
    const en = { ...big, lang: 'en' as const };
    for (const maxLength of [1500, 3000, 8000, 20_000]) {
      const md = renderMarkdown(en, { gate: evaluateGate(en, 'high'), maxLength });
      expect(md.length, String(maxLength)).toBeLessThanOrEqual(maxLength);
      expectSound(md);
      const shown = findingRows(md).length;
      expect(md).toContain(`> ${5000 - shown} finding(s) not shown for lack of space: the full report is in the job artifacts (JSON, SARIF).`);
    }
    // Too small for even one row: the tables of domains and frameworks go before the verdict does.
    const tiny = renderMarkdown(en, { gate: evaluateGate(en, 'high'), maxLength: 700 });
    expect(tiny.length).toBeLessThanOrEqual(700);
    expect(tiny).toContain('### ❌ cadre: FAILED:');
    expect(tiny).toContain('> 5000 finding(s) not shown');
    expect(findingRows(tiny)).toHaveLength(0);
  });
});
