/**
 * A read-only view of a pod (metadata + spec) as plain JSON, the way the checks see it: containers
 * in the order Pod Security Admission visits them (init, regular, ephemeral), each with its path
 * relative to the pod, and typed reads that treat a value of the wrong type as absent, as decoding
 * into the Go API types would refuse it.
 */
import { asArray, asObject, type JsonObject } from '../model/k8s.js';
import type { ContainerKind } from '../model/workload.js';
import type { Path } from '../sources/yaml.js';

/** The pod as evaluated: a Pod's metadata and spec, or a controller's pod template. */
export interface PodInput {
  metadata?: unknown;
  spec?: unknown;
}

export interface PodContainer {
  list: ContainerKind;
  index: number;
  /** The container's name (empty when the manifest leaves it out, as the API types would). */
  name: string;
  /** `container "web"`, `init container "setup"`, `ephemeral container "debug"`. */
  subject: string;
  value: JsonObject;
  /** Path of the container entry, relative to the pod: `['spec', 'initContainers', 0]`. */
  path: Path;
  securityContext: JsonObject | undefined;
}

/** Pod Security Admission's visiting order. */
const VISIT_ORDER: readonly ContainerKind[] = ['initContainers', 'containers', 'ephemeralContainers'];

const LIST_LABEL: Record<ContainerKind, string> = {
  initContainers: 'init container',
  containers: 'container',
  ephemeralContainers: 'ephemeral container',
};

export class PodView {
  readonly metadata: JsonObject;
  readonly spec: JsonObject;
  #containers: PodContainer[] | undefined;

  constructor(pod: PodInput) {
    this.metadata = asObject(pod.metadata) ?? {};
    this.spec = asObject(pod.spec) ?? {};
  }

  /** Every container, init containers first, then regular, then ephemeral ones. */
  get containers(): PodContainer[] {
    if (this.#containers === undefined) {
      const out: PodContainer[] = [];
      for (const list of VISIT_ORDER) {
        asArray(this.spec[list]).forEach((entry, index) => {
          const value = asObject(entry);
          if (!value) return;
          const name = str(value.name) ?? '';
          out.push({
            list,
            index,
            name,
            subject: `${LIST_LABEL[list]} "${name}"`,
            value,
            path: ['spec', list, index],
            securityContext: asObject(value.securityContext),
          });
        });
      }
      this.#containers = out;
    }
    return this.#containers;
  }

  get securityContext(): JsonObject | undefined {
    return asObject(this.spec.securityContext);
  }

  /** Annotations with string values (the API types hold strings only). */
  get annotations(): [string, string][] {
    const annotations = asObject(this.metadata.annotations);
    if (!annotations) return [];
    const out: [string, string][] = [];
    for (const [key, value] of Object.entries(annotations)) {
      if (typeof value === 'string') out.push([key, value]);
      else if (typeof value === 'number' || typeof value === 'boolean') out.push([key, String(value)]);
    }
    return out;
  }

  annotation(key: string): string | undefined {
    for (const [k, v] of this.annotations) if (k === key) return v;
    return undefined;
  }

  /** `spec.os.name == windows`: the Windows relaxations of the restricted level apply. */
  get isWindows(): boolean {
    return str(asObject(this.spec.os)?.name) === 'windows';
  }

  /** `spec.hostUsers: false`: the pod runs in a user namespace. */
  get usesUserNamespace(): boolean {
    return this.spec.hostUsers === false;
  }
}

export function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** An integer, as the API types' int32/int64 fields hold. */
export function int(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
}

/** A pointer field that is set: present and not null. */
export function isSet(value: unknown): boolean {
  return value !== undefined && value !== null;
}

export function quoteList(items: readonly string[]): string {
  return items.map((item) => `"${item}"`).join(', ');
}

export function plural(count: number, singular: string, pluralForm: string): string {
  return count === 1 ? singular : pluralForm;
}

/** `container "a"` / `containers "a", "b"`. */
export function containersPhrase(names: readonly string[]): string {
  return `${plural(names.length, 'container', 'containers')} ${quoteList(names)}`;
}

/** Sorted distinct values, as upstream lists forbidden values. */
export function sortedUnique(values: Iterable<string>): string[] {
  return [...new Set(values)].sort();
}
