// Pseudo-classes cadre adds to CSS selectors, for the accessibility questions plain CSS
// cannot ask. Rules stay declarative: `input:not(:labelled)`, `a[href]:not(:named)`.
//
//   :labelled                 has a label: aria-label, aria-labelledby, title, an enclosing
//                             <label>, or a <label for> naming its id in the same page
//   :named                    has an accessible name: text, aria-label, aria-labelledby, title,
//                             an <img alt> or <svg><title> inside, a value on input buttons
//   :blank                    contains no text (template expressions count as text)
//   :duplicate-id             its id is also the id of another element of the page
//   :attr-match(NAME, REGEX)  attribute NAME exists and matches REGEX (CSS escapes apply:
//                             write \\ for one backslash, or prefer character classes)

import type { AnyNode, Document, Element } from 'domhandler';

type Pseudo = (element: Element, argument?: string | null) => boolean;

interface PageIndex {
  labelTargets: Set<string>;
  idCounts: Map<string, number>;
}

const pages = new WeakMap<AnyNode, PageIndex>();
const TEMPLATE_SYNTAX = /\{\{|\{%|<%|\$\{|\{[a-zA-Z_$]/;

function rootOf(node: AnyNode): AnyNode {
  let current = node;
  while (current.parent) current = current.parent;
  return current;
}

function isElement(node: AnyNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

function pageIndex(element: Element): PageIndex {
  const root = rootOf(element);
  let index = pages.get(root);
  if (index) return index;
  index = { labelTargets: new Set(), idCounts: new Map() };
  const stack: AnyNode[] = [...((root as Document).children ?? [])];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!isElement(node)) continue;
    const id = node.attribs.id;
    if (id !== undefined && id.trim() !== '' && !TEMPLATE_SYNTAX.test(id)) index.idCounts.set(id, (index.idCounts.get(id) ?? 0) + 1);
    if (node.name === 'label' && node.attribs.for) index.labelTargets.add(node.attribs.for);
    stack.push(...node.children);
  }
  pages.set(root, index);
  return index;
}

function textOf(node: AnyNode): string {
  if (node.type === 'text') return (node as unknown as { data: string }).data;
  if (!isElement(node) || node.name === 'script' || node.name === 'style') return '';
  return node.children.map(textOf).join('');
}

const nonBlank = (value: string | undefined) => value !== undefined && value.trim() !== '';

function hasNamedDescendant(element: Element): boolean {
  const stack: AnyNode[] = [...element.children];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!isElement(node)) continue;
    if (node.name === 'img' && nonBlank(node.attribs.alt)) return true;
    if (node.name === 'svg' && (nonBlank(node.attribs['aria-label']) || node.children.some((c) => isElement(c) && c.name === 'title' && nonBlank(textOf(c))))) return true;
    if (nonBlank(node.attribs['aria-label'])) return true;
    stack.push(...node.children);
  }
  return false;
}

const labelled: Pseudo = (element) => {
  const a = element.attribs;
  if (nonBlank(a['aria-label']) || nonBlank(a['aria-labelledby']) || nonBlank(a.title)) return true;
  for (let parent = element.parent; parent; parent = parent.parent) {
    if (isElement(parent) && parent.name === 'label') return true;
  }
  return a.id !== undefined && pageIndex(element).labelTargets.has(a.id);
};

const named: Pseudo = (element) => {
  const a = element.attribs;
  if (nonBlank(a['aria-label']) || nonBlank(a['aria-labelledby']) || nonBlank(a.title)) return true;
  if (element.name === 'input' && nonBlank(a.value)) return true;
  if (element.name === 'input' && a.type === 'image' && nonBlank(a.alt)) return true;
  return nonBlank(textOf(element)) || hasNamedDescendant(element);
};

const blank: Pseudo = (element) => !nonBlank(textOf(element));

const duplicateId: Pseudo = (element) => {
  const id = element.attribs.id;
  return id !== undefined && (pageIndex(element).idCounts.get(id) ?? 0) > 1;
};

const regexCache = new Map<string, RegExp | null>();
const attrMatch: Pseudo = (element, argument) => {
  if (!argument) return false;
  const comma = argument.indexOf(',');
  if (comma < 0) return false;
  const name = argument.slice(0, comma).trim().toLowerCase();
  const source = argument.slice(comma + 1).trim();
  let pattern = regexCache.get(source);
  if (pattern === undefined) {
    try {
      pattern = new RegExp(source, 'i');
    } catch {
      pattern = null;
    }
    regexCache.set(source, pattern);
  }
  const value = element.attribs[name];
  return pattern !== null && value !== undefined && pattern.test(value);
};

export const HTML_PSEUDOS: Record<string, Pseudo> = {
  labelled,
  named,
  blank,
  'duplicate-id': duplicateId,
  'attr-match': attrMatch,
};
