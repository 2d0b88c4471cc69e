// The Markdown shown in a job summary, a pull request comment or a merge request note: a few
// lines from the adapter (scope, what could not be posted), then the Markdown renderer's report,
// within the size the destination accepts. The renderer is asked for less when the adapter's own
// lines take room; a last cut at a line boundary guards against a renderer that overshoots.

import type { GateResult } from '../gate/gate.js';
import type { Report } from '../model/types.js';
import { MARKDOWN_MARKER } from '../render/markdown.js';
import { render } from './check.js';
import { ciTexts } from './texts.js';

export { MARKDOWN_MARKER };

export interface MarkdownLimit {
  max: number;
  /** GitHub's job summary limit is in bytes, comment and note limits in characters. */
  unit: 'chars' | 'bytes';
}

export function sizeOf(text: string, unit: MarkdownLimit['unit']): number {
  return unit === 'bytes' ? Buffer.byteLength(text, 'utf8') : text.length;
}

export async function markdownBody(
  report: Report,
  gate: GateResult,
  limit: MarkdownLimit,
  parts: { header?: string[]; footer?: string[]; marker?: boolean },
): Promise<string> {
  const head = [...(parts.marker ? [MARKDOWN_MARKER] : []), ...(parts.header ?? []).map((line) => `> ${line}`)].join('\n');
  const foot = (parts.footer ?? []).join('\n');
  const join = (body: string) => [head, body.replaceAll(MARKDOWN_MARKER, '').trim(), foot].filter(Boolean).join('\n\n') + '\n';
  const room = limit.max - sizeOf(join(''), limit.unit) - 16;
  // Characters of UTF-8 French text take at most 4 bytes, usually 1 or 2.
  let maxLength = limit.unit === 'bytes' ? Math.floor(room / 2) : room;
  for (let attempt = 0; attempt < 4 && maxLength > 200; attempt++) {
    const text = join(await render('markdown', report, { gate, maxLength }));
    if (sizeOf(text, limit.unit) <= limit.max) return text;
    maxLength = Math.floor(maxLength / 2);
  }
  return cut(join(await render('markdown', report, { gate, maxLength: Math.max(maxLength, 200) })), limit, ciTexts(report.lang).truncated);
}

/** Cuts at a line boundary so that the text and the closing line fit. */
export function cut(text: string, limit: MarkdownLimit, closing: string): string {
  if (sizeOf(text, limit.unit) <= limit.max) return text;
  const tail = `\n\n_${closing}_\n`;
  const lines = text.split('\n');
  let size = sizeOf(tail, limit.unit);
  const kept: string[] = [];
  for (const line of lines) {
    const next = sizeOf(`${line}\n`, limit.unit);
    if (size + next > limit.max) break;
    kept.push(line);
    size += next;
  }
  return `${kept.join('\n')}${tail}`;
}
