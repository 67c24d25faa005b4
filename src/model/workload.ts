/**
 * The workload view: the pod spec lifted out of every object that carries one, with the JSON
 * path of every part, so that a rule is written once for Pods and all controllers.
 */

import { lookupTable } from '../core/table.js';
import type { Path } from '../sources/yaml.js';
import { asArray, asObject, asString, getPath, type JsonObject, type K8sObject } from './k8s.js';

/** Where each workload kind keeps its pod template (metadata + spec). */
const POD_TEMPLATE_PATHS: Readonly<Record<string, Path>> = lookupTable({
  Pod: [],
  Deployment: ['spec', 'template'],
  ReplicaSet: ['spec', 'template'],
  StatefulSet: ['spec', 'template'],
  DaemonSet: ['spec', 'template'],
  Job: ['spec', 'template'],
  ReplicationController: ['spec', 'template'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template'],
  PodTemplate: ['template'],
});

export const WORKLOAD_KINDS = Object.keys(POD_TEMPLATE_PATHS);

export type ContainerKind = 'containers' | 'initContainers' | 'ephemeralContainers';

export const CONTAINER_KINDS: readonly ContainerKind[] = ['containers', 'initContainers', 'ephemeralContainers'];

export interface Container {
  /** Which list the container is in. */
  kind: ContainerKind;
  index: number;
  name: string;
  /** Path of the container entry inside the object. */
  path: Path;
  value: JsonObject;
  image: string | undefined;
  securityContext: JsonObject | undefined;
}

export interface Volume {
  index: number;
  name: string;
  path: Path;
  value: JsonObject;
}

export class Workload {
  readonly object: K8sObject;
  /** Path of the pod template's metadata (for a Pod, the object's own metadata). */
  readonly podMetadataPath: Path;
  /** Path of the pod spec. */
  readonly podSpecPath: Path;
  readonly podMetadata: JsonObject;
  readonly podSpec: JsonObject;
  #containers: Container[] | undefined;
  #volumes: Volume[] | undefined;

  constructor(object: K8sObject, templatePath: Path) {
    this.object = object;
    // concat, not spread: it makes arrays of the exact length, and views live for the whole scan.
    this.podMetadataPath = templatePath.concat('metadata');
    this.podSpecPath = templatePath.concat('spec');
    this.podMetadata = asObject(getPath(object.value, this.podMetadataPath)) ?? {};
    this.podSpec = asObject(getPath(object.value, this.podSpecPath)) ?? {};
  }

  get kind(): string {
    return this.object.kind;
  }

  /** The pod's annotations: for a controller, those of its pod template (which the pods get). */
  get podAnnotations(): Record<string, string> {
    const out: Record<string, string> = {};
    const annotations = asObject(this.podMetadata.annotations);
    if (!annotations) return out;
    for (const [key, value] of Object.entries(annotations)) {
      if (value !== null && value !== undefined) out[key] = String(value);
    }
    return out;
  }

  get podSecurityContext(): JsonObject | undefined {
    return asObject(this.podSpec.securityContext);
  }

  /** All containers: regular, init and ephemeral, in that order. */
  get containers(): Container[] {
    if (this.#containers === undefined) {
      const out: Container[] = [];
      for (const kind of CONTAINER_KINDS) {
        asArray(this.podSpec[kind]).forEach((entry, index) => {
          const value = asObject(entry);
          if (!value) return;
          out.push({
            kind,
            index,
            name: asString(value.name) ?? `${kind}[${index}]`,
            path: this.podSpecPath.concat(kind, index),
            value,
            image: asString(value.image),
            securityContext: asObject(value.securityContext),
          });
        });
      }
      this.#containers = out;
    }
    return this.#containers;
  }

  /** Regular and init containers: those that run for the pod's lifetime or start-up. */
  get runningContainers(): Container[] {
    return this.containers.filter((c) => c.kind !== 'ephemeralContainers');
  }

  get volumes(): Volume[] {
    if (this.#volumes === undefined) {
      const out: Volume[] = [];
      asArray(this.podSpec.volumes).forEach((entry, index) => {
        const value = asObject(entry);
        if (!value) return;
        out.push({
          index,
          name: asString(value.name) ?? `volumes[${index}]`,
          path: this.podSpecPath.concat('volumes', index),
          value,
        });
      });
      this.#volumes = out;
    }
    return this.#volumes;
  }

  /** `spec.os.name` when set (`linux` or `windows`). */
  get osName(): string | undefined {
    return asString(asObject(this.podSpec.os)?.name);
  }

  /** The service account the pods run as (`default` when unset). */
  get serviceAccountName(): string {
    return asString(this.podSpec.serviceAccountName) ?? asString(this.podSpec.serviceAccount) ?? 'default';
  }

  /** Effective container security setting: the container's value, else the pod's, else undefined. */
  effective(container: Container, field: string): unknown {
    const own = container.securityContext?.[field];
    if (own !== undefined && own !== null) return own;
    const pod = this.podSecurityContext?.[field];
    return pod === null ? undefined : pod;
  }

  /** Path where a container-level security setting lives or would live. */
  containerSecurityPath(container: Container, field: string): Path {
    return [...container.path, 'securityContext', field];
  }
}

/** The workload view of an object, or undefined when the object carries no pod template. */
export function workloadOf(object: K8sObject): Workload | undefined {
  const templatePath = POD_TEMPLATE_PATHS[object.kind];
  if (templatePath === undefined) return undefined;
  // Built-in kinds only: a custom resource that happens to be called "Deployment" in another
  // group is not a workload.
  const group = object.group;
  if (group !== '' && group !== 'apps' && group !== 'batch' && group !== 'extensions') {
    return undefined;
  }
  if (templatePath.length > 0 && asObject(getPath(object.value, templatePath)) === undefined) return undefined;
  return new Workload(object, templatePath);
}
