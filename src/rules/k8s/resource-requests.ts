import { defineRule } from '../types.js';
import { capitalise, containerLabel, listNames } from './_pod.js';
import { hasRequest, limitRangeDefaults, resourceContainers } from './_resources.js';

export default defineRule({
  target: 'k8s-set',
  meta: {
    id: 'k8s/resource-requests',
    description: 'Require CPU and memory requests on every container',
    rationale:
      'Requests are what the scheduler reserves. A pod without them is BestEffort (or Burstable with nothing reserved): it is packed onto nodes that cannot actually carry it, gets the smallest CPU share under contention and is the first to be evicted when the node runs short, so a busy or hostile neighbour starves it. A limit without a request counts (the request defaults to the limit), as do LimitRange defaults and pod-level resources in the same scan.',
    severity: 'low',
    threats: ['resource-starvation'],
    references: ['NSA/CISA Kubernetes Hardening: resource policies'],
    remediation: 'Set `resources.requests.cpu` and `resources.requests.memory` to what the container needs under normal load.',
    related: [
      { tool: 'kube-linter', id: 'unset-cpu-requirements' },
      { tool: 'kube-linter', id: 'unset-memory-requirements' },
      { tool: 'kubescape', id: 'C-0268' },
      { tool: 'kubescape', id: 'C-0269' },
      { tool: 'trivy', id: 'KSV015' },
      { tool: 'trivy', id: 'KSV016' },
      { tool: 'polaris', id: 'cpuRequestsMissing' },
      { tool: 'polaris', id: 'memoryRequestsMissing' },
      { tool: 'kube-score', id: 'container-resources' },
      { tool: 'checkov', id: 'CKV_K8S_10' },
      { tool: 'checkov', id: 'CKV_K8S_12' },
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
        requests: { cpu: 100m, memory: 128Mi }
`,
      },
    ],
  },
  check(set, context) {
    for (const workload of set.workloads) {
      const defaults = limitRangeDefaults(set, workload);
      for (const container of resourceContainers(workload)) {
        const missing = ['cpu', 'memory'].filter((name) => !hasRequest(workload, container, name, defaults));
        if (missing.length === 0) continue;
        context.report({
          on: workload.object,
          path: [...container.path, 'resources', 'requests'],
          message: `${capitalise(containerLabel(container))} has no ${listNames(missing.map((m) => (m === 'cpu' ? 'CPU' : m)))} request: the scheduler reserves nothing for it and it is among the first to be starved or evicted.`,
        });
      }
    }
  },
});
