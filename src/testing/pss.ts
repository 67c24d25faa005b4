/** Test helpers for the Pod Security Standards checks (not built). */
import type { Settings } from '../engine/settings.js';
import { PodView } from '../pss/pod.js';
import { versionAt } from '../pss/registry.js';
import type { Check, CheckFailure, PssLevel } from '../pss/types.js';

/** Runs one check's implementation at a policy minor version (undefined: the check passes or does not exist yet). */
export function runCheck(check: Check, pod: { metadata?: unknown; spec?: unknown }, minor = 37): CheckFailure | undefined {
  return versionAt(check, minor)?.evaluate(new PodView(pod));
}

/** The pointer-style paths of a failure, for compact assertions. */
export function pathsOf(failure: CheckFailure | undefined): string[] {
  return (failure?.fields ?? []).map((f) => f.path.join('.'));
}

/** A container entry with a security context. */
export function container(name: string, securityContext?: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return { name, image: 'registry.k8s.io/pause', ...(securityContext ? { securityContext } : {}), ...extra };
}

/** Settings overrides for rule tests: the PSS level and/or version. */
export function atLevel(level: PssLevel): (settings: Settings) => void {
  return (settings) => {
    settings.pss.level = level;
  };
}

export function atVersion(version: string): (settings: Settings) => void {
  return (settings) => {
    settings.pss.version = version;
  };
}
