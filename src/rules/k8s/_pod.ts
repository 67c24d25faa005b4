/**
 * Helpers shared by the Kubernetes hardening rules: how a pod will really run (Windows or Linux,
 * privileged, to completion or for ever), which setting of the pod or the container applies, and
 * how to name containers in messages. Not a rule (the leading underscore keeps it out of the
 * registry).
 */
import type { OffsetRange } from '../../core/source.js';
import { asArray, asObject, asString, type K8sObject } from '../../model/k8s.js';
import type { Container, Workload } from '../../model/workload.js';
import type { Path } from '../../sources/yaml.js';

const OS_LABELS = ['kubernetes.io/os', 'beta.kubernetes.io/os'];

/**
 * Whether the pod runs on Windows nodes: `spec.os.name: windows`, or (for manifests written before
 * that field existed) a node selector or required node affinity that only admits Windows nodes.
 * Linux-only settings (seccomp, AppArmor, SELinux, capabilities, allowPrivilegeEscalation,
 * readOnlyRootFilesystem, runAsUser) do not apply there.
 */
export function isWindowsPod(workload: Workload): boolean {
  const os = workload.osName;
  if (os !== undefined) return os.toLowerCase() === 'windows';
  const selector = asObject(workload.podSpec.nodeSelector);
  for (const label of OS_LABELS) {
    const value = asString(selector?.[label]);
    if (value !== undefined) return value.toLowerCase() === 'windows';
  }
  const required = asObject(
    asObject(asObject(workload.podSpec.affinity)?.nodeAffinity)?.requiredDuringSchedulingIgnoredDuringExecution,
  );
  const terms = asArray(required?.nodeSelectorTerms);
  if (terms.length === 0) return false;
  // Every term (they are ORed) must pin the OS to windows only.
  return terms.every((term) =>
    asArray(asObject(term)?.matchExpressions).some((raw) => {
      const expression = asObject(raw);
      const key = asString(expression?.key);
      const values = asArray(expression?.values).map((v) => String(v).toLowerCase());
      return (
        key !== undefined &&
        OS_LABELS.includes(key) &&
        asString(expression?.operator) === 'In' &&
        values.length > 0 &&
        values.every((v) => v === 'windows')
      );
    }),
  );
}

/** `securityContext.privileged: true` (a YAML 1.1 `yes` is parsed as true too). */
export function isPrivileged(container: Container): boolean {
  return container.securityContext?.privileged === true;
}

/** An init container with `restartPolicy: Always`: a sidecar that runs for the pod's lifetime. */
export function isSidecar(container: Container): boolean {
  return container.kind === 'initContainers' && asString(container.value.restartPolicy) === 'Always';
}

/** Pods that run to completion: Jobs, CronJobs, and bare Pods with restartPolicy Never or OnFailure. */
export function runsToCompletion(workload: Workload): boolean {
  if (workload.kind === 'Job' || workload.kind === 'CronJob') return true;
  const policy = asString(workload.podSpec.restartPolicy);
  return policy === 'Never' || policy === 'OnFailure';
}

/** `container "web"`, `init container "migrate"`, `sidecar container "proxy"`, `ephemeral container "debug"`. */
export function containerLabel(container: Container): string {
  const name = JSON.stringify(container.name);
  if (container.kind === 'ephemeralContainers') return `ephemeral container ${name}`;
  if (container.kind === 'initContainers') return isSidecar(container) ? `sidecar container ${name}` : `init container ${name}`;
  return `container ${name}`;
}

/** The text with its first letter capitalised, for the start of a sentence. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** `a`, `a and b`, `a, b and c`. */
export function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** Where a security setting that applies to a container comes from. */
export interface Resolved<T> {
  value: T;
  /** Path of the node that sets it (container or pod level). */
  path: Path;
  level: 'container' | 'pod';
}

/**
 * The value of a security-context field that applies to a container: its own, else the pod's
 * (for the fields the pod security context also has), with the path of the node that sets it.
 */
export function resolveSecurityField(workload: Workload, container: Container, field: string): Resolved<unknown> | undefined {
  const own = container.securityContext?.[field];
  if (own !== undefined && own !== null)
    return { value: own, path: [...container.path, 'securityContext', field], level: 'container' };
  const pod = workload.podSecurityContext?.[field];
  if (pod !== undefined && pod !== null)
    return { value: pod, path: [...workload.podSpecPath, 'securityContext', field], level: 'pod' };
  return undefined;
}

/** The container's own security context field path (where a missing setting would go). */
export function securityPath(container: Container, ...fields: (string | number)[]): Path {
  return [...container.path, 'securityContext', ...fields];
}

/** Path of a pod-level field. */
export function podPath(workload: Workload, ...fields: (string | number)[]): Path {
  return [...workload.podSpecPath, ...fields];
}

/** Path of a pod annotation (in the pod template's metadata for controllers). */
export function podAnnotationPath(workload: Workload, key: string): Path {
  return [...workload.podMetadataPath, 'annotations', key];
}

/**
 * The source range of a line of an embedded file (a block scalar keeps its lines intact), searched
 * between `from` and `to`; undefined when the value was written another way (quoted, folded).
 */
export function locateLine(object: K8sObject, lineText: string, from: number, to: number): OffsetRange | undefined {
  const text = object.source?.text;
  if (text === undefined || lineText === '') return undefined;
  const at = text.indexOf(lineText, from);
  return at === -1 || at + lineText.length > to ? undefined : [at, at + lineText.length];
}

/**
 * A function that finds the embedded lines of the value at `path`, in order, in the source. The
 * value is located on the first call only: most values hold nothing to point at.
 */
export function lineLocator(
  object: K8sObject,
  path: readonly (string | number)[],
): (lineText: string) => OffsetRange | undefined {
  let located = false;
  let within: OffsetRange | undefined;
  let cursor: number | undefined;
  return (lineText) => {
    if (!located) {
      located = true;
      within = object.locate(path);
      cursor = within?.[0];
    }
    if (within === undefined || cursor === undefined) return undefined;
    const range = locateLine(object, lineText, cursor, within[1]);
    if (range) cursor = range[1];
    return range;
  };
}
