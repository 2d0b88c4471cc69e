// HTML and HTML-like templates, parsed by htmlparser2 into a DOM whose nodes keep
// their source offsets. htmlparser2 is tolerant: unclosed tags and template syntax
// never stop it, which suits partials and server-side templates.

import { parseDocument } from 'htmlparser2';
import type { Document } from 'domhandler';

export interface HtmlModel {
  dom: Document;
  /** The file is a whole page (has an <html> element), not a partial or component. */
  isDocument: boolean;
}

export function parseHtml(text: string): HtmlModel {
  const dom = parseDocument(text, {
    withStartIndices: true,
    withEndIndices: true,
    lowerCaseTags: true,
    lowerCaseAttributeNames: true,
    recognizeSelfClosing: true,
  });
  return { dom, isDocument: /<html[\s>]/i.test(text) };
}
