/**
 * Resource requests and limits as the API server will see them: a limit without a request
 * defaults the request to the limit, a LimitRange in the same namespace fills in defaults
 * (`default`, else `max`, for limits; `defaultRequest`, else the default limit, for requests),
 * and pod-level resources (spec.resources) bound every container.
 */
import { asArray, asObject, asString, type JsonObject } from '../../model/k8s.js';
import type { ObjectSet } from '../../model/object-set.js';
import type { Container, Workload } from '../../model/workload.js';

export interface ContainerDefaults {
  limits: Set<string>;
  requests: Set<string>;
  /** Where the defaults come from, for messages: `LimitRange "defaults"`. */
  source: string | undefined;
}

/** Resources that LimitRanges of the workload's namespace give containers that lack them. */
export function limitRangeDefaults(set: ObjectSet, workload: Workload): ContainerDefaults {
  const byNamespace = set.analysis('k8s/limit-range-defaults', buildDefaults);
  return byNamespace.get(workload.object.namespace ?? '') ?? NO_DEFAULTS;
}

const NO_DEFAULTS: ContainerDefaults = { limits: new Set(), requests: new Set(), source: undefined };

function buildDefaults(set: ObjectSet): Map<string, ContainerDefaults> {
  const out = new Map<string, ContainerDefaults>();
  for (const range of set.ofKind('LimitRange')) {
    if (range.group !== '') continue;
    const key = range.namespace ?? '';
    const defaults = out.get(key) ?? { limits: new Set<string>(), requests: new Set<string>(), source: undefined };
    for (const raw of asArray(asObject(range.value.spec)?.limits)) {
      const item = asObject(raw);
      if (asString(item?.type) !== 'Container') continue;
      const defaultLimit = asObject(item?.default) ?? asObject(item?.max) ?? {};
      const defaultRequest = { ...defaultLimit, ...(asObject(item?.defaultRequest) ?? {}) };
      for (const name of Object.keys(defaultLimit)) defaults.limits.add(name);
      for (const name of Object.keys(defaultRequest)) defaults.requests.add(name);
      defaults.source ??= `LimitRange ${JSON.stringify(range.name)}`;
    }
    out.set(key, defaults);
  }
  return out;
}

/** The containers whose resources matter: regular and init containers (ephemeral ones have none). */
export function resourceContainers(workload: Workload): Container[] {
  return workload.containers.filter((c) => c.kind !== 'ephemeralContainers');
}

function resourcesOf(value: JsonObject | undefined): { limits: JsonObject; requests: JsonObject } {
  const resources = asObject(value?.resources);
  return { limits: asObject(resources?.limits) ?? {}, requests: asObject(resources?.requests) ?? {} };
}

function has(map: JsonObject, name: string): boolean {
  const value = map[name];
  return value !== undefined && value !== null && value !== '';
}

/** Whether the container ends up with a limit for the resource. */
export function hasLimit(workload: Workload, container: Container, name: string, defaults: ContainerDefaults): boolean {
  return (
    has(resourcesOf(container.value).limits, name) || has(resourcesOf(workload.podSpec).limits, name) || defaults.limits.has(name)
  );
}

/** Whether the container ends up with a request for the resource (a limit defaults the request). */
export function hasRequest(workload: Workload, container: Container, name: string, defaults: ContainerDefaults): boolean {
  const own = resourcesOf(container.value);
  const pod = resourcesOf(workload.podSpec);
  return (
    has(own.requests, name) ||
    has(own.limits, name) ||
    has(pod.requests, name) ||
    has(pod.limits, name) ||
    defaults.requests.has(name)
  );
}
