/**
 * Kubernetes objects found in YAML/JSON documents (or handed over live, without a source).
 */
import type { ObjectRef } from '../core/finding.js';
import type { OffsetRange, SourceText } from '../core/source.js';
import type { Path, YamlDocument } from '../sources/yaml.js';

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function asObject(value: unknown): JsonObject | undefined {
  return isObject(value) ? value : undefined;
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Read a nested value by path; undefined when any step is missing. */
export function getPath(value: unknown, path: Path): unknown {
  let current = value;
  for (const segment of path) {
    if (typeof segment === 'number') {
      if (!Array.isArray(current)) return undefined;
      current = current[segment];
    } else {
      if (!isObject(current)) return undefined;
      current = current[segment];
    }
  }
  return current;
}

/** Kinds whose objects are cluster-scoped (no namespace), among the built-in and common ones. */
export const CLUSTER_SCOPED_KINDS = new Set([
  'Namespace',
  'Node',
  'PersistentVolume',
  'ClusterRole',
  'ClusterRoleBinding',
  'CustomResourceDefinition',
  'StorageClass',
  'PriorityClass',
  'RuntimeClass',
  'IngressClass',
  'CSIDriver',
  'CSINode',
  'VolumeAttachment',
  'MutatingWebhookConfiguration',
  'ValidatingWebhookConfiguration',
  'ValidatingAdmissionPolicy',
  'ValidatingAdmissionPolicyBinding',
  'MutatingAdmissionPolicy',
  'MutatingAdmissionPolicyBinding',
  'APIService',
  'CertificateSigningRequest',
  'PodSecurityPolicy',
  'ClusterIssuer',
  'FlowSchema',
  'PriorityLevelConfiguration',
  'AdminNetworkPolicy',
  'BaselineAdminNetworkPolicy',
  'ClusterTrustBundle',
  'DeviceClass',
  'IPAddress',
  'ServiceCIDR',
]);

/**
 * A Kubernetes object. `value` is the plain object; `locate` maps a path inside it to a source
 * range. Objects from a live cluster have no source.
 */
export class K8sObject {
  readonly type = 'k8s' as const;
  readonly value: JsonObject;
  readonly apiVersion: string;
  readonly kind: string;
  readonly name: string;
  readonly namespace: string | undefined;
  readonly document: YamlDocument | undefined;
  /** Path of this object inside its document: `[]`, or `['items', i]` for List items. */
  readonly basePath: Path;

  constructor(value: JsonObject, document?: YamlDocument, basePath: Path = []) {
    this.value = value;
    this.document = document;
    this.basePath = basePath;
    this.apiVersion = asString(value.apiVersion) ?? '';
    this.kind = asString(value.kind) ?? '';
    const metadata = asObject(value.metadata);
    this.name = asString(metadata?.name) ?? asString(metadata?.generateName) ?? '';
    const namespace = asString(metadata?.namespace);
    this.namespace = namespace === '' ? undefined : namespace;
  }

  get source(): SourceText | undefined {
    return this.document?.source;
  }

  get metadata(): JsonObject {
    return asObject(this.value.metadata) ?? {};
  }

  get labels(): Record<string, string> {
    return stringMap(this.metadata.labels);
  }

  get annotations(): Record<string, string> {
    return stringMap(this.metadata.annotations);
  }

  /** `group/version` split; the core group is ''. */
  get group(): string {
    const slash = this.apiVersion.indexOf('/');
    return slash === -1 ? '' : this.apiVersion.slice(0, slash);
  }

  get clusterScoped(): boolean {
    return CLUSTER_SCOPED_KINDS.has(this.kind);
  }

  #ref: Readonly<ObjectRef> | undefined;

  /** The object's reference, one frozen object shared by all its findings. */
  get ref(): Readonly<ObjectRef> {
    if (this.#ref === undefined) {
      this.#ref = Object.freeze(
        this.namespace !== undefined && !this.clusterScoped
          ? { apiVersion: this.apiVersion, kind: this.kind, namespace: this.namespace, name: this.name }
          : { apiVersion: this.apiVersion, kind: this.kind, name: this.name },
      );
    }
    return this.#ref;
  }

  /** `kind/namespace/name` (namespace omitted when absent), for messages and keys. */
  get id(): string {
    return this.namespace && !this.clusterScoped ? `${this.kind}/${this.namespace}/${this.name}` : `${this.kind}/${this.name}`;
  }

  get(path: Path): unknown {
    return getPath(this.value, path);
  }

  locate(path: Path): OffsetRange | undefined {
    return this.document?.locate([...this.basePath, ...path]);
  }

  releasePositions(): void {
    this.document?.releasePositions();
  }
}

function stringMap(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isObject(value)) return out;
  for (const [key, entry] of Object.entries(value)) {
    if (entry === null || entry === undefined) continue;
    out[key] = typeof entry === 'string' ? entry : String(entry);
  }
  return out;
}

/** A document is a Kubernetes object when it is a map with string `apiVersion` and `kind`. */
export function looksLikeK8sObject(value: unknown): value is JsonObject & { apiVersion: string; kind: string } {
  return isObject(value) && typeof value.apiVersion === 'string' && typeof value.kind === 'string';
}

/**
 * The objects of a document: the document itself, or the items of a `List` (`kind: List` or any
 * `...List` kind with an `items` array, as `kubectl get -o yaml` writes).
 */
export function objectsOfDocument(document: YamlDocument): K8sObject[] {
  const value = document.value;
  if (!looksLikeK8sObject(value)) return [];
  if (value.kind.endsWith('List') && Array.isArray(value.items)) {
    const out: K8sObject[] = [];
    // Items of a typed list (`PodList`, as the API server returns it) may omit their own kind.
    const itemKind = value.kind === 'List' ? undefined : value.kind.slice(0, -'List'.length);
    value.items.forEach((item, index) => {
      if (looksLikeK8sObject(item)) out.push(new K8sObject(item, document, ['items', index]));
      else if (itemKind && isObject(item) && item.kind === undefined && isObject(item.metadata)) {
        out.push(new K8sObject({ apiVersion: value.apiVersion, kind: itemKind, ...item }, document, ['items', index]));
      }
    });
    return out;
  }
  return [new K8sObject(value, document)];
}
