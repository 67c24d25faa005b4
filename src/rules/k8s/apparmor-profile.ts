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

const ANNOTATION = 'container.apparmor.security.beta.kubernetes.io/';

export default defineRule({
  target: 'workload',
  meta: {
    id: 'k8s/apparmor-profile',
    description: 'Disallow containers that switch AppArmor off (Unconfined)',
    rationale:
      "On nodes with AppArmor, the runtime confines every container with its default profile unless told otherwise: it denies writes to /proc and /sys, mounting, and access to the other containers' files, and blocks several escape techniques even for root in the container. `Unconfined` removes that layer on purpose. An unset profile is not reported: the runtime default applies.",
    severity: 'high',
    threats: ['kernel-exploit', 'host-compromise'],
    references: ['NSA/CISA Kubernetes Hardening: AppArmor', 'PSS baseline: AppArmor', 'CIS Kubernetes 5.7.3'],
    remediation:
      'Remove `appArmorProfile: { type: Unconfined }` (or the legacy `container.apparmor.security.beta.kubernetes.io/<container>: unconfined` annotation), or use `type: RuntimeDefault` or a reviewed `Localhost` profile.',
    related: [
      { tool: 'kubescape', id: 'C-0055' },
      { tool: 'trivy', id: 'KSV002' },
      { tool: 'polaris', id: 'linuxHardening' },
    ],
    overlaps: ['pss/apparmor-profile'],
    examples: [
      {
        bad: `apiVersion: v1
kind: Pod
metadata:
  name: api
  annotations:
    container.apparmor.security.beta.kubernetes.io/api: unconfined
spec:
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
    appArmorProfile:
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
    const groups = new Map<string, { path: Path; written: string; containers: Container[] }>();
    for (const container of workload.containers) {
      // Privileged containers are not confined by AppArmor at all; k8s/no-privileged reports them.
      if (isPrivileged(container)) continue;
      const setting = resolve(workload, container);
      if (setting?.value.toLowerCase() !== 'unconfined') continue;
      const key = toPointer(setting.path);
      const group = groups.get(key);
      if (group) group.containers.push(container);
      else groups.set(key, { path: setting.path, written: setting.written, containers: [container] });
    }
    for (const group of groups.values()) {
      const many = group.containers.length > 1;
      context.report({
        path: group.path,
        message: `${capitalise(listNames(group.containers.map(containerLabel)))} ${many ? 'run' : 'runs'} without AppArmor confinement (${group.written}), which the runtime would otherwise apply.`,
      });
    }
  },
});

/** Container field, then the container's annotation, then the pod field (annotations are per container). */
function resolve(workload: Workload, container: Container): { value: string; path: Path; written: string } | undefined {
  const own = asString(asObject(container.securityContext?.appArmorProfile)?.type);
  if (own !== undefined)
    return { value: own, path: securityPath(container, 'appArmorProfile', 'type'), written: `appArmorProfile.type: ${own}` };
  const key = `${ANNOTATION}${container.name}`;
  const annotation = workload.podAnnotations[key];
  if (annotation !== undefined)
    return {
      value: annotation.trim(),
      path: podAnnotationPath(workload, key),
      written: `annotation ${key}: ${annotation.trim()}`,
    };
  const pod = asString(asObject(workload.podSecurityContext?.appArmorProfile)?.type);
  if (pod !== undefined)
    return {
      value: pod,
      path: podPath(workload, 'securityContext', 'appArmorProfile', 'type'),
      written: `appArmorProfile.type: ${pod} on the pod`,
    };
  return undefined;
}
