// HTML and HTML-like templates, parsed by htmlparser2 into a DOM whose nodes keep
// their source offsets. htmlparser2 is tolerant: unclosed tags and template syntax
// never stop it, which suits partials and server-side templates.
//
// Nesting is capped as browsers cap it (Chromium and WebKit stop at 512 levels): the nodes of a
// deeper subtree become children of its ancestor at the limit, in source order. One hundred
// thousand unclosed <div> would otherwise make every selector that looks at ancestors
// (`a img`, `:labelled`) quadratic, and recursive walks overflow the stack; flattened, the
// page is still judged, its findings at their lines.

import { parseDocument } from 'htmlparser2';
import type { ChildNode, Document, ParentNode } from 'domhandler';

export interface HtmlModel {
  dom: Document;
  /** The file is a whole page (has an <html> element), not a partial or component. */
  isDocument: boolean;
}

export const MAX_HTML_DEPTH = 512;

/**
 * `vueComponent`: the file is a Vue single-file component, whose `<template>` elements (the
 * component's own and those of v-if, v-for, v-slot) hold markup that is rendered, not the inert
 * content of an HTML template, which selectors skip: their children take their place.
 */
export function parseHtml(text: string, options: { vueComponent?: boolean } = {}): HtmlModel {
  const dom = parseDocument(text, {
    withStartIndices: true,
    withEndIndices: true,
    lowerCaseTags: true,
    lowerCaseAttributeNames: true,
    recognizeSelfClosing: true,
  });
  if (options.vueComponent) unwrapTemplates(dom);
  capDepth(dom, MAX_HTML_DEPTH);
  return { dom, isDocument: /<html[\s>]/i.test(text) };
}

/** Replaces every <template> element by its children, in place and in order. Iterative. */
function unwrapTemplates(root: Document): void {
  const isTemplate = (child: ChildNode) => child.type === 'tag' && (child as { name?: string }).name === 'template';
  const stack: (ChildNode | Document)[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!childrenOf(node)?.length) continue;
    stack.push(...rearrangeChildren(node, (child) => (isTemplate(child) ? 'replace-by-children' : 'keep')));
  }
}

/** Moves every node deeper than maxDepth under its ancestor at maxDepth, in document order. Iterative. */
export function capDepth(root: Document, maxDepth: number): void {
  const stack: [ChildNode | Document, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    const children = childrenOf(node);
    if (!children || children.length === 0) continue;
    if (depth < maxDepth) {
      for (const child of children) stack.push([child, depth + 1]);
      continue;
    }
    if (!children.some((child) => (childrenOf(child)?.length ?? 0) > 0)) continue;
    rearrangeChildren(node, (child) => (childrenOf(child)?.length ? 'keep-and-hoist-children' : 'keep'));
  }
}

type Placement = 'keep' | 'replace-by-children' | 'keep-and-hoist-children';

/**
 * Rebuilds the children of `node` in document order, each placed as `place` says: kept, replaced
 * by its own children, or kept with its children moved up after it. Returns the new children.
 */
function rearrangeChildren(node: ChildNode | Document, place: (child: ChildNode) => Placement): ChildNode[] {
  const flat: ChildNode[] = [];
  const pending = [...(childrenOf(node) ?? [])].reverse();
  while (pending.length > 0) {
    const child = pending.pop()!;
    const placement = place(child);
    if (placement !== 'replace-by-children') flat.push(child);
    if (placement === 'keep') continue;
    const inner = childrenOf(child) ?? [];
    for (let i = inner.length - 1; i >= 0; i--) pending.push(inner[i]);
    if (placement === 'keep-and-hoist-children') inner.length = 0;
  }
  flat.forEach((child, i) => {
    child.parent = node as ParentNode;
    child.prev = flat[i - 1] ?? null;
    child.next = flat[i + 1] ?? null;
  });
  (node as ParentNode).children = flat;
  return flat;
}

function childrenOf(node: ChildNode | Document): ChildNode[] | undefined {
  const children = (node as ParentNode).children;
  return Array.isArray(children) ? children : undefined;
}
