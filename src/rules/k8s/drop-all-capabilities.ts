import { includesAll, normaliseCapability } from '../../model/capabilities.js';
import { asArray, asObject } from '../../model/k8s.js';
import { defineRule } from '../types.js';
import { capitalise, containerLabel, isPrivileged, isWindowsPod, listNames, securityPath } from './_pod.js';

export default defineRule({
  target: 'workload',
  meta: {
    id: 'k8s/drop-all-capabilities',
    description: 'Require containers to drop all Linux capabilities and add back only what they need',
    rationale:
      'Unless a container drops them, the runtime grants its default capability set: among others NET_RAW (raw sockets for ARP and DNS spoofing of neighbouring pods), DAC_OVERRIDE (ignore file permissions), SETUID/SETGID, MKNOD and CHOWN. Most applications need none of them; every one left in place is something an attacker who gets code execution can use, and the kernel attack surface stays larger. Dropping ALL and adding back a named capability makes the grant explicit and reviewable.',
    severity: 'low',
    threats: ['kernel-exploit', 'privilege-escalation', 'network-sniffing'],
    references: [
      'CIS Kubernetes 5.2.10',
      'CIS Kubernetes 5.2.8',
      'NSA/CISA Kubernetes Hardening: drop unneeded Linux capabilities',
      'PSS restricted: Capabilities',
    ],
    remediation:
      'Set `securityContext.capabilities.drop: ["ALL"]` on each container and add back only what the process needs, usually nothing or `NET_BIND_SERVICE`.',
    related: [
      { tool: 'kube-linter', id: 'drop-net-raw-capability' },
      { tool: 'kubescape', id: 'C-0201' },
      { tool: 'kubescape', id: 'C-0199' },
      { tool: 'trivy', id: 'KSV003' },
      { tool: 'polaris', id: 'insecureCapabilities' },
      { tool: 'checkov', id: 'CKV_K8S_37' },
      { tool: 'checkov', id: 'CKV_K8S_28' },
    ],
    overlaps: ['pss/capabilities-restricted'],
    examples: [
      {
        bad: `apiVersion: v1
kind: Pod
metadata:
  name: api
spec:
  containers:
    - name: api
      image: ghcr.io/acme/api:2.3.1
      securityContext:
        capabilities:
          drop: [NET_ADMIN]
`,
        good: `apiVersion: v1
kind: Pod
metadata:
  name: api
spec:
  containers:
    - name: api
      image: ghcr.io/acme/api:2.3.1
      securityContext:
        capabilities:
          drop: [ALL]
          add: [NET_BIND_SERVICE]
`,
      },
    ],
  },
  check(workload, context) {
    if (isWindowsPod(workload)) return;
    for (const container of workload.containers) {
      // A privileged container has every capability whatever it drops; k8s/no-privileged reports it.
      if (isPrivileged(container)) continue;
      const drop = asArray(asObject(container.securityContext?.capabilities)?.drop);
      if (includesAll(drop)) continue;
      const dropped = new Set(drop.filter((d): d is string => typeof d === 'string').map(normaliseCapability));
      const label = capitalise(containerLabel(container));
      const keepsNetRaw = dropped.has('NET_RAW') ? '' : ', NET_RAW (raw sockets) among them';
      context.report({
        path: securityPath(container, 'capabilities', 'drop'),
        message:
          dropped.size === 0
            ? `${label} does not drop ALL capabilities, so it keeps the runtime's default set${keepsNetRaw}.`
            : `${label} drops only ${listNames([...dropped])}, not ALL, so it keeps the rest of the runtime's default set${keepsNetRaw}.`,
      });
    }
  },
});
