// Inline suppressions: `cadre-ignore <rule-id>[, <rule-id>]: <reason>` in a comment, on the
// line of the finding or on the line above it. A suppression without a reason waives nothing.

import type { LineIndex } from '../parse/line-index.js';

export interface InlineSuppression {
  file: string;
  /** Line of the comment; it covers findings on this line and the next. */
  line: number;
  rules: string[];
  reason: string;
}

export const INLINE_MARKER = 'cadre-ignore';
const SUPPRESSION = /cadre-ignore\s+([a-z0-9][a-z0-9-]*(?:\s*,\s*[a-z0-9][a-z0-9-]*)*)\s*(?::\s*(.*?))?\s*(?:-->|\*\/|#\}|%>|\}\})?\s*$/;

export function findInlineSuppressions(file: string, text: string, lines: LineIndex): InlineSuppression[] {
  if (!text.includes(INLINE_MARKER)) return [];
  const found: InlineSuppression[] = [];
  let from = 0;
  for (;;) {
    const at = text.indexOf(INLINE_MARKER, from);
    if (at < 0) break;
    from = at + INLINE_MARKER.length;
    const line = lines.lineAt(at);
    const match = SUPPRESSION.exec(lines.lineText(line));
    if (!match) continue;
    found.push({ file, line, rules: match[1].split(',').map((r) => r.trim()), reason: (match[2] ?? '').trim() });
  }
  return found;
}
