import { defineRule } from '../types.js';
import { capitalise, containerLabel } from './_pod.js';
import { hasLimit, limitRangeDefaults, resourceContainers } from './_resources.js';

export default defineRule({
  target: 'k8s-set',
  meta: {
    id: 'k8s/resource-limits',
    description: 'Require CPU and memory limits on every container',
    rationale:
      'A container without a memory limit can grow until the node runs out of memory; the kernel then kills processes of other pods, and a memory leak or an attacker feeding it large inputs takes down its neighbours. Without a CPU limit it can take every idle core of the node. Limits turn a compromised or runaway container into a problem of that container only. Missing memory limits are medium, missing CPU limits low (some teams leave CPU unlimited on purpose to avoid throttling). LimitRange defaults and pod-level resources in the same scan count.',
    severity: 'medium',
    threats: ['resource-starvation'],
    references: ['NSA/CISA Kubernetes Hardening: resource policies', 'CIS Kubernetes 5.7.3'],
    remediation:
      'Set `resources.limits.memory` (and `resources.limits.cpu` unless you decided against CPU limits) on each container, or a LimitRange with `default` limits in the namespace.',
    related: [
      { tool: 'kube-linter', id: 'unset-memory-requirements' },
      { tool: 'kube-linter', id: 'unset-cpu-requirements' },
      { tool: 'kubescape', id: 'C-0271' },
      { tool: 'kubescape', id: 'C-0270' },
      { tool: 'kubescape', id: 'C-0009' },
      { tool: 'trivy', id: 'KSV018' },
      { tool: 'trivy', id: 'KSV011' },
      { tool: 'polaris', id: 'memoryLimitsMissing' },
      { tool: 'polaris', id: 'cpuLimitsMissing' },
      { tool: 'kube-score', id: 'container-resources' },
      { tool: 'checkov', id: 'CKV_K8S_13' },
      { tool: 'checkov', id: 'CKV_K8S_11' },
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
        limits: { cpu: 500m, memory: 256Mi }
`,
      },
    ],
  },
  check(set, context) {
    for (const workload of set.workloads) {
      const defaults = limitRangeDefaults(set, workload);
      for (const container of resourceContainers(workload)) {
        const memory = hasLimit(workload, container, 'memory', defaults);
        const cpu = hasLimit(workload, container, 'cpu', defaults);
        if (memory && cpu) continue;
        const missing = !memory && !cpu ? 'memory or CPU limit' : !memory ? 'memory limit' : 'CPU limit';
        const effect =
          !memory && !cpu
            ? "it can use all of the node's memory and CPU, and get other pods killed"
            : !memory
              ? "it can use all of the node's memory and get other pods killed"
              : 'it can use every idle core of the node';
        context.report({
          on: workload.object,
          path: [...container.path, 'resources', 'limits'],
          severity: memory ? 'low' : 'medium',
          message: `${capitalise(containerLabel(container))} has no ${missing}: ${effect}.`,
        });
      }
    }
  },
});
