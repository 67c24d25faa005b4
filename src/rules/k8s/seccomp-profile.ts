import { asObject, asString } from '../../model/k8s.js';
import type { Container, Workload } from '../../model/workload.js';
import type { Path } from '../../sources/yaml.js';
import { toPointer } from '../../sources/yaml.js';
import { defineRule } from '../types.js';
import {
  capitalise,
  containerLabel,
  isPrivileged,
  isWindowsPod,
  listNames,
  podAnnotationPath,
  podPath,
  securityPath,
} from './_pod.js';

const POD_ANNOTATION = 'seccomp.security.alpha.kubernetes.io/pod';
const CONTAINER_ANNOTATION = 'container.seccomp.security.alpha.kubernetes.io/';

type Profile = 'RuntimeDefault' | 'Localhost' | 'Unconfined' | 'unknown';

interface Setting {
  profile: Profile;
  path: Path;
  written: string;
}

export default defineRule({
  target: 'workload',
  meta: {
    id: 'k8s/seccomp-profile',
    description: 'Require a seccomp profile (RuntimeDefault or Localhost) on every Linux container',
    rationale:
      'Seccomp limits the system calls a container can make. The runtime default profile blocks about fifty rarely needed calls (unshare, keyctl, bpf, add_key, kexec_load, open_by_handle_at, ...) through which most container-escape kernel bugs are reached. Kubernetes runs containers Unconfined unless a profile is set or every kubelet runs with --seccomp-default, so an unset profile usually means no filter at all; an explicit Unconfined switches it off on purpose.',
    severity: 'medium',
    threats: ['kernel-exploit', 'host-compromise'],
    references: [
      'CIS Kubernetes 5.7.2',
      'NSA/CISA Kubernetes Hardening: seccomp',
      'PSS baseline: Seccomp',
      'PSS restricted: Seccomp',
    ],
    remediation:
      'Set `securityContext.seccompProfile.type: RuntimeDefault` on the pod (it applies to every container), or `Localhost` with a reviewed profile. Replace the legacy `seccomp.security.alpha.kubernetes.io` annotations with the field.',
    related: [
      { tool: 'kubescape', id: 'C-0210' },
      { tool: 'kubescape', id: 'C-0055' },
      { tool: 'trivy', id: 'KSV030' },
      { tool: 'trivy', id: 'KSV104' },
      { tool: 'polaris', id: 'linuxHardening' },
      { tool: 'kube-score', id: 'container-seccomp-profile' },
      { tool: 'checkov', id: 'CKV_K8S_31' },
    ],
    overlaps: ['pss/seccomp-profile-baseline', 'pss/seccomp-profile-restricted'],
    examples: [
      {
        bad: `apiVersion: v1
kind: Pod
metadata:
  name: api
spec:
  securityContext:
    seccompProfile:
      type: Unconfined
  containers:
    - name: api
      image: ghcr.io/acme/api:2.3.1
`,
        good: `apiVersion: v1
kind: Pod
metadata:
  name: api
spec:
  securityContext:
    seccompProfile:
      type: RuntimeDefault
  containers:
    - name: api
      image: ghcr.io/acme/api:2.3.1
`,
      },
    ],
  },
  check(workload, context) {
    if (isWindowsPod(workload)) return;
    // Privileged containers run without seccomp whatever is set; k8s/no-privileged reports them.
    const containers = workload.containers.filter((c) => !isPrivileged(c));
    const unconfined = new Map<string, { setting: Setting; containers: Container[] }>();
    const unset: Container[] = [];
    for (const container of containers) {
      const setting = resolve(workload, container);
      if (setting === undefined) unset.push(container);
      else if (setting.profile === 'Unconfined') {
        const key = toPointer(setting.path);
        const entry = unconfined.get(key);
        if (entry) entry.containers.push(container);
        else unconfined.set(key, { setting, containers: [container] });
      }
    }
    for (const { setting, containers: affected } of unconfined.values()) {
      context.report({
        path: setting.path,
        severity: 'high',
        message: `${capitalise(listNames(affected.map(containerLabel)))} ${affected.length > 1 ? 'run' : 'runs'} with seccomp switched off (${setting.written}): every system call reaches the kernel.`,
      });
    }
    // One finding per container, at the container's own field, where pss/seccomp-profile-restricted
    // reports too (the two merge); the message says when one pod-level field would fix them all.
    const allUnset = unset.length === containers.length && unset.length > 1;
    for (const container of unset) {
      context.report({
        path: securityPath(container, 'seccompProfile'),
        message: `${capitalise(containerLabel(container))} has no seccomp profile: unless the kubelet runs with --seccomp-default, it runs Unconfined, with every system call open to the kernel${allUnset ? ' (no container of the pod sets one: spec.securityContext.seccompProfile fixes them all)' : ''}.`,
      });
    }
  },
});

/** The profile that applies: container field, container annotation, pod field, pod annotation. */
function resolve(workload: Workload, container: Container): Setting | undefined {
  const annotations = workload.podAnnotations;
  const own = fieldSetting(
    asObject(container.securityContext?.seccompProfile),
    securityPath(container, 'seccompProfile', 'type'),
  );
  if (own) return own;
  const ownKey = `${CONTAINER_ANNOTATION}${container.name}`;
  const ownAnnotation = annotations[ownKey];
  if (ownAnnotation !== undefined) return annotationSetting(ownAnnotation, podAnnotationPath(workload, ownKey), ownKey);
  const pod = fieldSetting(
    asObject(workload.podSecurityContext?.seccompProfile),
    podPath(workload, 'securityContext', 'seccompProfile', 'type'),
  );
  if (pod) return pod;
  const podAnnotation = annotations[POD_ANNOTATION];
  if (podAnnotation !== undefined)
    return annotationSetting(podAnnotation, podAnnotationPath(workload, POD_ANNOTATION), POD_ANNOTATION);
  return undefined;
}

function fieldSetting(profile: Record<string, unknown> | undefined, path: Path): Setting | undefined {
  const type = asString(profile?.type);
  if (type === undefined) return undefined;
  const lower = type.toLowerCase();
  const value: Profile =
    lower === 'runtimedefault'
      ? 'RuntimeDefault'
      : lower === 'localhost'
        ? 'Localhost'
        : lower === 'unconfined'
          ? 'Unconfined'
          : 'unknown';
  return { profile: value, path, written: `seccompProfile.type: ${type}` };
}

/** Annotation values as the API server translates them into the field. */
function annotationSetting(value: string, path: Path, key: string): Setting {
  const v = value.trim();
  const profile: Profile =
    v === 'runtime/default' || v === 'docker/default'
      ? 'RuntimeDefault'
      : v.startsWith('localhost/')
        ? 'Localhost'
        : v.toLowerCase() === 'unconfined'
          ? 'Unconfined'
          : 'unknown';
  return { profile, path, written: `annotation ${key}: ${v}` };
}
