/**
 * The evaluator: a pod (metadata + spec) at a level and version gives `{ allowed, violations }`,
 * with the same verdicts as Kubernetes' Pod Security Admission.
 *
 * The restricted level runs every baseline check too. Like upstream, some restricted checks replace
 * a baseline check at that level (restrictedVolumes replaces hostPathVolumes, capabilities_restricted
 * replaces capabilities_baseline, seccompProfile_restricted replaces seccompProfile_baseline,
 * procMount_restricted replaces procMount): the replaced check does not decide the verdict. Its
 * violation is still listed when the replacing check fails too, because it names the more specific
 * rule the pod breaks; when the replacing check passes (a Windows pod exempt from it), the replaced
 * check's violation is dropped, exactly as upstream would admit the pod.
 */
import type { Workload } from '../model/workload.js';
import type { Path } from '../sources/yaml.js';
import { type PodInput, PodView } from './pod.js';
import { checksAt } from './registry.js';
import type { CheckId, PssLevel, PssResult, Violation } from './types.js';
import { resolveMinor } from './version.js';

export interface PssOptions {
  level: PssLevel;
  /** `latest` (the default), `v1.N`, `1.N`, or the minor version number. */
  version?: string | number;
}

export function evaluatePod(pod: PodInput, options: PssOptions): PssResult {
  const minor = resolveMinor(options.version);
  const view = new PodView(pod);
  const active = checksAt(options.level, minor);
  const failed = new Map<CheckId, Violation>();
  for (const { check, implementation } of active) {
    const failure = implementation.evaluate(view);
    if (!failure) continue;
    failed.set(check.id, {
      check: check.id,
      reason: failure.reason,
      detail: failure.detail,
      paths: failure.fields.map((f) => f.path),
      fields: failure.fields,
    });
  }
  // Baseline checks replaced at this level, and whether a replacing check failed.
  const replaced = new Map<CheckId, boolean>();
  if (options.level === 'restricted') {
    for (const { check, implementation } of active) {
      for (const id of implementation.overrides ?? []) {
        replaced.set(id, (replaced.get(id) ?? false) || failed.has(check.id));
      }
    }
  }
  const violations: Violation[] = [];
  for (const { check } of active) {
    const violation = failed.get(check.id);
    if (!violation) continue;
    if (replaced.get(check.id) === false) continue;
    violations.push(violation);
  }
  return { allowed: violations.length === 0, violations };
}

/** The pod template of a workload, as Pod Security Admission evaluates it. */
export function podOfWorkload(workload: Workload): PodInput {
  return { metadata: workload.podMetadata, spec: workload.podSpec };
}

/** Maps a path relative to the pod onto the workload's object. */
export function workloadPath(workload: Workload, path: Path): Path {
  const [head, ...rest] = path;
  if (head === 'spec') return [...workload.podSpecPath, ...rest];
  if (head === 'metadata') return [...workload.podMetadataPath, ...rest];
  return path;
}

/** Evaluates a workload's pod template; every path is relative to the workload's object. */
export function evaluateWorkload(workload: Workload, options: PssOptions): PssResult {
  const result = evaluatePod(podOfWorkload(workload), options);
  return {
    allowed: result.allowed,
    violations: result.violations.map((violation) => {
      const fields = violation.fields.map((field) => ({ ...field, path: workloadPath(workload, field.path) }));
      return { ...violation, paths: fields.map((f) => f.path), fields };
    }),
  };
}
