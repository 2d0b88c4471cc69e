// HTML check: a CSS selector over the parsed page; each element it matches is a violation.
// cadre's own pseudo-classes (:labelled, :named…) are described in html-pseudos.ts.

import { compile as compileCss, selectAll } from 'css-select';
import type { Element } from 'domhandler';
import type { HtmlCheck } from '../../model/types.js';
import { RuleCompileError, type CheckCompiler, type Violation } from './check.js';
import { HTML_PSEUDOS } from './html-pseudos.js';

export const htmlCheck: CheckCompiler<HtmlCheck> = {
  kinds: ['html'],
  compile(spec) {
    let query: ReturnType<typeof compileCss>;
    try {
      query = compileCss(spec.match, { pseudos: HTML_PSEUDOS });
    } catch (error) {
      throw new RuleCompileError(`invalid CSS selector: ${(error as Error).message}`, ['match']);
    }
    return ({ file }) => {
      if (!file) return null;
      const model = file.html();
      if (spec.documentsOnly && !model.isDocument) return null;
      const seen = new Map<string, number>();
      return (selectAll(query, model.dom) as unknown as Element[]).map((element): Violation => {
        const begin = file.lines.positionAt(element.startIndex ?? 0);
        const tag = startTag(file.text, element);
        const occurrence = (seen.get(tag) ?? 0) + 1;
        seen.set(tag, occurrence);
        return { line: begin.line, column: begin.column, value: tag, name: element.name, key: tag };
      });
    };
  },
};

/** The element's start tag as written, whitespace collapsed and bounded. */
function startTag(text: string, element: Element): string {
  const start = element.startIndex ?? 0;
  const end = text.indexOf('>', start);
  const raw = text.slice(start, end < 0 ? start + 200 : Math.min(end + 1, start + 200));
  return raw.replace(/\s+/g, ' ');
}
