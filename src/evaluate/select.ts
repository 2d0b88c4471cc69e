// Selectors: which nodes of a structured document a schema check looks at.
// Named selectors give rules the shapes they need (every container of every workload,
// the final stage of a Dockerfile); dotted paths with `*` reach anything else.
// Each selected node knows how to find the source line of any path inside it.

import { splitImageName, type DockerfileModel, type DockerInstruction, type DockerStage } from '../parse/dockerfile.js';
import {
  containersOf,
  effectiveSecurityContext,
  isObject,
  podSpecOf,
  securityFieldPath,
  type KubernetesObject,
} from '../parse/kubernetes.js';
import type { SourceFile } from '../parse/source-file.js';
import type { NodePath, StructuredDocument } from '../parse/yaml.js';
import type { DocumentKind } from '../model/types.js';

export interface SelectedNode {
  value: unknown;
  /** Line of a path inside the node (as reported by a schema error). */
  locate(path: NodePath): number;
  /** Identity of the node that does not depend on lines, for fingerprints. */
  key: string;
  name?: string;
  kind?: string;
}

export type Selector = (file: SourceFile) => SelectedNode[];

export const NAMED_SELECTORS: Partial<Record<DocumentKind, Record<string, Selector>>> = {
  kubernetes: {
    objects: (file) => file.kubernetes().map(objectNode),
    workloads: (file) => file.kubernetes().filter((o) => podSpecOf(o)).map(objectNode),
    'pod-specs': (file) => file.kubernetes().flatMap(podSpecNodes),
    containers: (file) => file.kubernetes().flatMap(containerNodes),
  },
  dockerfile: {
    dockerfile: (file) => [dockerfileNode(file.dockerfile())],
    stages: (file) => file.dockerfile().stages.map(stageNode),
    'final-stage': (file) => file.dockerfile().stages.filter((s) => s.final).map(stageNode),
    instructions: (file) => file.dockerfile().stages.flatMap((s) => s.instructions).map(instructionNode),
    'final-instructions': (file) =>
      file.dockerfile().stages.filter((s) => s.final).flatMap((s) => s.instructions).map(instructionNode),
    from: (file) => file.dockerfile().stages.map(fromNode),
  },
};

/** The selector used when a schema check names none. */
export const DEFAULT_SELECTOR: Partial<Record<DocumentKind, string>> = {
  kubernetes: 'objects',
  dockerfile: 'dockerfile',
};

/** Many rules select the same nodes of a file: each selection is made once per file. */
const selections = new WeakMap<SourceFile, Map<string, SelectedNode[]>>();

function cached(key: string, selector: Selector): Selector {
  return (file) => {
    let byKey = selections.get(file);
    if (!byKey) selections.set(file, (byKey = new Map()));
    let nodes = byKey.get(key);
    if (!nodes) byKey.set(key, (nodes = selector(file)));
    return nodes;
  };
}

export function compileSelector(kind: DocumentKind, select: string | undefined): Selector {
  return cached(`${kind}\u0000${select ?? ''}`, uncachedSelector(kind, select));
}

function uncachedSelector(kind: DocumentKind, select: string | undefined): Selector {
  const name = select ?? DEFAULT_SELECTOR[kind];
  const named = name !== undefined ? NAMED_SELECTORS[kind]?.[name] : undefined;
  if (named) return named;
  const path = parsePathSelector(select ?? '');
  if (kind === 'kubernetes') {
    return (file) => file.kubernetes().flatMap((object) => selectPath(object.document, path, objectKey(object), object.document.index));
  }
  if (kind === 'yaml' || kind === 'json') {
    return (file) => file.structured().flatMap((document) => selectPath(document, path, `doc${document.index}`, document.index));
  }
  throw new Error(`unknown selector "${select}" for ${kind} documents; known: ${Object.keys(NAMED_SELECTORS[kind] ?? {}).join(', ') || 'none'}`);
}

export function knownSelectors(kind: DocumentKind): string[] {
  return Object.keys(NAMED_SELECTORS[kind] ?? {});
}

/** `jobs.*.steps.*` → ['jobs', '*', 'steps', '*']; an empty selector is the document root. */
function parsePathSelector(select: string): string[] {
  if (select.trim() === '') return [];
  const segments = select.split('.');
  if (segments.some((s) => s === '')) throw new Error(`invalid path selector "${select}"`);
  return segments;
}

function selectPath(document: StructuredDocument, pattern: string[], keyPrefix: string, _index: number): SelectedNode[] {
  const found: SelectedNode[] = [];
  const walk = (node: unknown, depth: number, path: NodePath) => {
    if (depth === pattern.length) {
      found.push({
        value: node,
        locate: (inner) => document.lineOf([...path, ...inner]),
        key: `${keyPrefix}/${path.join('/')}`,
        name: isObject(node) && typeof node.name === 'string' ? node.name : String(path[path.length - 1] ?? ''),
      });
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const segment = pattern[depth];
    if (segment === '*') {
      const keys: (string | number)[] = Array.isArray(node) ? node.map((_, i) => i) : Object.keys(node);
      for (const key of keys) walk((node as Record<string | number, unknown>)[key], depth + 1, [...path, key]);
    } else if (Object.prototype.hasOwnProperty.call(node, segment)) {
      const key = Array.isArray(node) ? Number(segment) : segment;
      walk((node as Record<string | number, unknown>)[key], depth + 1, [...path, key]);
    }
  };
  walk(document.value, 0, []);
  return found;
}

function objectKey(object: KubernetesObject): string {
  return `${object.kind}/${object.namespace ?? ''}/${object.name || `#${object.document.index}`}`;
}

function objectNode(object: KubernetesObject): SelectedNode {
  return {
    value: object.value,
    locate: (path) => object.document.lineOf(path),
    key: objectKey(object),
    name: object.name,
    kind: object.kind,
  };
}

/** A pod spec, with the object that holds it as `$object`. */
function podSpecNodes(object: KubernetesObject): SelectedNode[] {
  const pod = podSpecOf(object);
  if (!pod) return [];
  return [
    {
      value: { ...pod.spec, $object: object.value },
      locate: (path) => (path[0] === '$object' ? object.document.lineOf(path.slice(1)) : object.document.lineOf([...pod.path, ...path])),
      key: `${objectKey(object)}/pod`,
      name: object.name,
      kind: object.kind,
    },
  ];
}

/**
 * Every container, init container and ephemeral container, seen with:
 * `$securityContext` (the effective context, pod-level values included), `$pod` (the pod spec),
 * `$object` (the whole object), `$list` (containers, initContainers or ephemeralContainers) and
 * `$image` (the image reference split into registry, repository, tag and digest).
 */
function containerNodes(object: KubernetesObject): SelectedNode[] {
  const pod = podSpecOf(object);
  if (!pod) return [];
  return containersOf(pod).map((view) => {
    const name = typeof view.container.name === 'string' ? view.container.name : String(view.path[view.path.length - 1]);
    return {
      value: {
        ...view.container,
        $securityContext: effectiveSecurityContext(view),
        $image: typeof view.container.image === 'string' ? splitImageName(view.container.image) : null,
        $pod: pod.spec,
        $object: object.value,
        $list: view.list,
      },
      locate: (path) => {
        const [head, ...rest] = path;
        if (head === '$object') return object.document.lineOf(rest);
        if (head === '$pod') return object.document.lineOf([...pod.path, ...rest]);
        if (head === '$list') return object.document.lineOf(view.path);
        if (head === '$image') return object.document.lineOf([...view.path, 'image']);
        if (head === '$securityContext') {
          const field = rest[0] === undefined ? undefined : String(rest[0]);
          const base = securityFieldPath(view, field);
          return object.document.lineOf(field === undefined ? base : [...base, ...rest.slice(1)]);
        }
        return object.document.lineOf([...view.path, ...path]);
      },
      key: `${objectKey(object)}/${view.list}/${name}`,
      name,
      kind: object.kind,
    };
  });
}

function dockerfileNode(model: DockerfileModel): SelectedNode {
  return {
    value: model,
    locate: (path) => {
      if (path[0] === 'stages' && typeof path[1] === 'number') return stageNode(model.stages[path[1]]).locate(path.slice(2));
      return model.stages[0]?.line ?? 1;
    },
    key: 'dockerfile',
  };
}

function stageNode(stage: DockerStage): SelectedNode {
  return {
    value: stage,
    locate: (path) => {
      const [head, index] = path;
      if (head === 'instructions' && typeof index === 'number' && stage.instructions[index]) return stage.instructions[index].line;
      if (head === 'user') {
        const lastUser = [...stage.instructions].reverse().find((i) => i.keyword === 'USER');
        return lastUser?.line ?? stage.line;
      }
      return stage.line;
    },
    key: `stage:${stage.name ?? stage.index}`,
    name: stage.name ?? String(stage.index),
  };
}

function instructionNode(instruction: DockerInstruction): SelectedNode {
  return {
    value: instruction,
    locate: () => instruction.line,
    key: `${instruction.keyword}:${instruction.arguments}`,
    name: instruction.keyword,
  };
}

/** Each stage's base image, with the stage's name, index, finality and whether it ends up in the final image beside it. */
function fromNode(stage: DockerStage): SelectedNode {
  return {
    value: { ...stage.from, stageName: stage.name, stageIndex: stage.index, final: stage.final, shipped: stage.shipped },
    locate: () => stage.line,
    key: `from:${stage.name ?? stage.index}:${stage.from.raw}`,
    name: stage.from.image,
  };
}
