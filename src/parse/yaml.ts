// YAML and JSON documents with a source line for every node.
//
// js-yaml 5's event stream carries the source offset of every node at the cost of a plain
// load (see README, design notes). Values are built by js-yaml itself from those events;
// one more pass over the same events records, for every mapping and sequence, the line of
// each of its entries. Lines are looked up by path, so rules never see positions.

import {
  CORE_SCHEMA,
  EVENT_ID,
  constructFromEvents,
  getScalarValue,
  mergeTag,
  parseEvents,
  type Event,
} from 'js-yaml';
import { LineIndex } from './line-index.js';
import { maskTokens } from '../evaluate/redact.js';

export type PathSegment = string | number;
export type NodePath = PathSegment[];

/** Lines of a collection: its own, and the line of each entry (the key's line for mappings). */
interface CollectionLines {
  line: number;
  entries: Map<PathSegment, number>;
}

export interface StructuredDocument {
  /** 0-based position of the document in a multi-document file. */
  index: number;
  value: unknown;
  /** Line where the document starts. */
  line: number;
  /** Line of the node at `path` (or of its closest located ancestor). */
  lineOf(path: NodePath): number;
}

export interface YamlParseLimits {
  maxDepth: number;
  maxAliases: number;
  /** Nodes a document may hold once every alias is expanded ("billion laughs" stop here). */
  maxExpandedNodes: number;
}

export const DEFAULT_YAML_LIMITS: YamlParseLimits = { maxDepth: 200, maxAliases: 1000, maxExpandedNodes: 1_000_000 };

const SCAN_SCHEMA = CORE_SCHEMA.withTags(mergeTag);

export class YamlSyntaxError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(message);
  }
}

/**
 * Parses every document of a YAML (or, with json, JSON) text.
 * Throws YamlSyntaxError with the line of the problem.
 */
export function parseStructured(
  text: string,
  lines: LineIndex,
  options: { json?: boolean; limits?: YamlParseLimits } = {},
): StructuredDocument[] {
  const limits = options.limits ?? DEFAULT_YAML_LIMITS;
  let events: Event[];
  let values: unknown[];
  try {
    events = parseEvents(text, { maxDepth: limits.maxDepth });
    values = constructFromEvents(events, {
      source: text,
      schema: SCAN_SCHEMA,
      json: options.json ?? false,
      maxAliases: limits.maxAliases,
    });
  } catch (error) {
    throw toSyntaxError(error);
  }
  return locateDocuments(events, values, text, lines, limits.maxExpandedNodes);
}

/** Parser messages may quote the document (a tag, a key): bounded, and tokens masked. */
const MAX_REASON = 200;

function toSyntaxError(error: unknown): YamlSyntaxError {
  const e = error as { reason?: string; message?: string; mark?: { line?: number } };
  const line = typeof e.mark?.line === 'number' ? e.mark.line + 1 : undefined;
  let reason = maskTokens(e.reason ?? (e.message ?? String(error)).split('\n')[0]);
  if (reason.length > MAX_REASON) reason = `${reason.slice(0, MAX_REASON - 1)}…`;
  return new YamlSyntaxError(reason, line);
}

interface Frame {
  kind: 'document' | 'mapping' | 'sequence';
  value: unknown;
  lines?: CollectionLines;
  /** Mapping frames alternate between reading a key and reading its value. */
  awaitingKey: boolean;
  key: PathSegment | undefined;
  keyLine: number;
  nextIndex: number;
  /** Nodes below this one once aliases are expanded. */
  size: number;
  anchor?: string;
}

function locateDocuments(events: Event[], values: unknown[], text: string, lines: LineIndex, maxExpandedNodes: number): StructuredDocument[] {
  const positions = new WeakMap<object, CollectionLines>();
  const anchorSizes = new Map<string, number>();
  const grow = (nodes: number) => {
    const parent = stack[stack.length - 1];
    parent.size += nodes;
    if (parent.size > maxExpandedNodes) {
      throw new YamlSyntaxError(`document expands to more than ${maxExpandedNodes} nodes through aliases`, lines.lineAt(0));
    }
  };
  const anchorOf = (event: { anchorStart: number; anchorEnd: number }) =>
    event.anchorStart >= 0 ? text.slice(event.anchorStart, event.anchorEnd) : undefined;
  const documents: StructuredDocument[] = [];
  const stack: Frame[] = [];
  let documentIndex = -1;

  const frame = (kind: Frame['kind'], value: unknown, collection?: CollectionLines): Frame => ({
    kind,
    value,
    lines: collection,
    awaitingKey: true,
    key: undefined,
    keyLine: 0,
    nextIndex: 0,
    size: 1,
  });

  /** Returns the value of the node that starts now, and records its line in its parent. */
  const enterNode = (startOffset: number, keyText: () => string | undefined): { value: unknown; isKey: boolean } => {
    const parent = stack[stack.length - 1];
    const line = lines.lineAt(startOffset);
    if (parent.kind === 'document') {
      documents[documentIndex].line = line;
      return { value: parent.value, isKey: false };
    }
    if (parent.kind === 'sequence') {
      const index = parent.nextIndex++;
      parent.lines?.entries.set(index, line);
      return { value: childOf(parent.value, index), isKey: false };
    }
    if (parent.awaitingKey) {
      parent.awaitingKey = false;
      parent.key = keyText();
      parent.keyLine = line;
      return { value: undefined, isKey: true };
    }
    parent.awaitingKey = true;
    if (parent.key === undefined) return { value: undefined, isKey: false };
    parent.lines?.entries.set(parent.key, parent.keyLine);
    return { value: childOf(parent.value, parent.key), isKey: false };
  };

  for (const event of events) {
    switch (event.type) {
      case EVENT_ID.DOCUMENT: {
        documentIndex++;
        const value = values[documentIndex];
        documents.push({
          index: documentIndex,
          value,
          line: 1,
          lineOf: (path) => lineOfPath(positions, value, path, documents[documentIndex]?.line ?? 1),
        });
        stack.push(frame('document', value));
        break;
      }
      case EVENT_ID.MAPPING:
      case EVENT_ID.SEQUENCE: {
        const { value, isKey } = enterNode(event.start, () => undefined);
        let collection: CollectionLines | undefined;
        if (!isKey && value !== null && typeof value === 'object') {
          collection = positions.get(value);
          if (!collection) {
            collection = { line: lines.lineAt(event.start), entries: new Map() };
            positions.set(value, collection);
          }
        }
        const opened = frame(event.type === EVENT_ID.MAPPING ? 'mapping' : 'sequence', isKey ? undefined : value, collection);
        opened.anchor = anchorOf(event);
        stack.push(opened);
        break;
      }
      case EVENT_ID.SCALAR: {
        enterNode(event.valueStart, () => (event.fast ? text.slice(event.valueStart, event.valueEnd) : getScalarValue(text, event)));
        const anchor = anchorOf(event);
        if (anchor) anchorSizes.set(anchor, 1);
        grow(1);
        break;
      }
      case EVENT_ID.ALIAS:
        enterNode(event.anchorStart, () => undefined);
        grow(anchorSizes.get(text.slice(event.anchorStart, event.anchorEnd)) ?? 1);
        break;
      case EVENT_ID.POP: {
        const closed = stack.pop()!;
        if (closed.anchor) anchorSizes.set(closed.anchor, closed.size);
        if (closed.kind !== 'document') grow(closed.size);
        break;
      }
    }
  }
  return documents;
}

function childOf(parent: unknown, key: PathSegment): unknown {
  if (parent === null || typeof parent !== 'object') return undefined;
  return Object.prototype.hasOwnProperty.call(parent, key) ? (parent as Record<PathSegment, unknown>)[key] : undefined;
}

function lineOfPath(positions: WeakMap<object, CollectionLines>, root: unknown, path: NodePath, fallback: number): number {
  let node = root;
  let line = fallback;
  if (node !== null && typeof node === 'object') line = positions.get(node)?.line ?? line;
  for (const segment of path) {
    if (node === null || typeof node !== 'object') break;
    const entry = positions.get(node)?.entries.get(Array.isArray(node) ? Number(segment) : String(segment));
    if (entry !== undefined) line = entry;
    node = childOf(node, segment);
  }
  return line;
}
