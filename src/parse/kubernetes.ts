// Kubernetes objects found in YAML or JSON documents, and the views rules select from them.
//
// Every workload kind exposes one pod spec; its containers are shown to rules with the
// pod-level values they inherit, so a rule is written once for Pod, Deployment, CronJob…

import type { NodePath, StructuredDocument } from './yaml.js';

export interface KubernetesObject {
  document: StructuredDocument;
  value: Record<string, unknown>;
  apiVersion: string;
  kind: string;
  name: string;
  namespace?: string;
}

export const POD_SPEC_PATHS: Record<string, NodePath> = {
  Pod: ['spec'],
  Deployment: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  ReplicationController: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

/** securityContext fields that exist on the pod and are overridden by the container's own. */
const INHERITED_SECURITY_FIELDS = [
  'runAsUser',
  'runAsGroup',
  'runAsNonRoot',
  'seccompProfile',
  'seLinuxOptions',
  'appArmorProfile',
  'windowsOptions',
];

const CONTAINER_LISTS = ['initContainers', 'containers', 'ephemeralContainers'] as const;

export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function kubernetesObjects(documents: StructuredDocument[]): KubernetesObject[] {
  const objects: KubernetesObject[] = [];
  for (const document of documents) {
    const value = document.value;
    if (!isObject(value) || typeof value.apiVersion !== 'string' || typeof value.kind !== 'string') continue;
    const metadata = isObject(value.metadata) ? value.metadata : {};
    objects.push({
      document,
      value,
      apiVersion: value.apiVersion,
      kind: value.kind,
      name: typeof metadata.name === 'string' ? metadata.name : '',
      namespace: typeof metadata.namespace === 'string' ? metadata.namespace : undefined,
    });
  }
  return objects;
}

export function valueAt(root: unknown, path: NodePath): unknown {
  let node = root;
  for (const segment of path) {
    if (node === null || typeof node !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(node, segment)) return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}

export interface PodSpecView {
  object: KubernetesObject;
  path: NodePath;
  spec: Record<string, unknown>;
}

export function podSpecOf(object: KubernetesObject): PodSpecView | undefined {
  const path = POD_SPEC_PATHS[object.kind];
  if (!path) return undefined;
  const spec = valueAt(object.value, path);
  return isObject(spec) ? { object, path, spec } : undefined;
}

export interface ContainerView {
  pod: PodSpecView;
  list: (typeof CONTAINER_LISTS)[number];
  path: NodePath;
  container: Record<string, unknown>;
}

export function containersOf(pod: PodSpecView): ContainerView[] {
  const views: ContainerView[] = [];
  for (const list of CONTAINER_LISTS) {
    const items = pod.spec[list];
    if (!Array.isArray(items)) continue;
    items.forEach((container, index) => {
      if (isObject(container)) views.push({ pod, list, path: [...pod.path, list, index], container });
    });
  }
  return views;
}

/** The securityContext a container runs with: pod-level fields it does not override, then its own. */
export function effectiveSecurityContext(view: ContainerView): Record<string, unknown> {
  const podContext = isObject(view.pod.spec.securityContext) ? view.pod.spec.securityContext : {};
  const own = isObject(view.container.securityContext) ? view.container.securityContext : {};
  const effective: Record<string, unknown> = {};
  for (const field of INHERITED_SECURITY_FIELDS) {
    if (Object.prototype.hasOwnProperty.call(podContext, field)) effective[field] = podContext[field];
  }
  return { ...effective, ...own };
}

/** Where an effective securityContext field was written: the container's own context, else the pod's. */
export function securityFieldPath(view: ContainerView, field: string | undefined): NodePath {
  const own = view.container.securityContext;
  if (field === undefined) return isObject(own) ? [...view.path, 'securityContext'] : view.path;
  if (isObject(own) && Object.prototype.hasOwnProperty.call(own, field)) return [...view.path, 'securityContext', field];
  const podContext = view.pod.spec.securityContext;
  if (isObject(podContext) && Object.prototype.hasOwnProperty.call(podContext, field)) {
    return [...view.pod.path, 'securityContext', field];
  }
  return isObject(own) ? [...view.path, 'securityContext'] : view.path;
}
