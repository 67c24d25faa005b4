import { defineRule } from '../types.js';
import { capitalise, containerLabel } from './_pod.js';
import { hasLimit, limitRangeDefaults, resourceContainers } from './_resources.js';

export default defineRule({
  target: 'k8s-set',
  meta: {
    id: 'k8s/ephemeral-storage-limit',
    description: 'Require an ephemeral-storage limit on every container',
    rationale:
      "Writable layers, logs and emptyDir volumes share the node's disk. A container without an ephemeral-storage limit can fill it (a log flood, an upload directory, an attacker writing junk), and the kubelet then evicts other pods and may mark the node unschedulable. With a limit, the kubelet evicts only the pod that overran it.",
    severity: 'low',
    threats: ['resource-starvation'],
    references: ['NSA/CISA Kubernetes Hardening: resource policies'],
    remediation:
      'Set `resources.limits.ephemeral-storage` on each container (and `sizeLimit` on emptyDir volumes), or a LimitRange with a default for the namespace.',
    related: [
      { tool: 'kube-linter', id: 'unset-ephemeral-storage-requirements' },
      { tool: 'kube-score', id: 'container-ephemeral-storage-request-and-limit' },
    ],
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
      resources:
        limits: { cpu: 500m, memory: 256Mi }
`,
        good: `apiVersion: v1
kind: Pod
metadata:
  name: api
spec:
  containers:
    - name: api
      image: ghcr.io/acme/api:2.3.1
      resources:
        limits: { cpu: 500m, memory: 256Mi, ephemeral-storage: 1Gi }
`,
      },
    ],
  },
  check(set, context) {
    for (const workload of set.workloads) {
      const defaults = limitRangeDefaults(set, workload);
      for (const container of resourceContainers(workload)) {
        if (hasLimit(workload, container, 'ephemeral-storage', defaults)) continue;
        context.report({
          on: workload.object,
          path: [...container.path, 'resources', 'limits', 'ephemeral-storage'],
          message: `${capitalise(containerLabel(container))} has no ephemeral-storage limit: its logs, writable layer and emptyDir volumes can fill the node's disk.`,
        });
      }
    }
  },
});
