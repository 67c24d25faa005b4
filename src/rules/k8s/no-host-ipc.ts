import { defineRule } from '../types.js';
import { podPath } from './_pod.js';

export default defineRule({
  target: 'workload',
  meta: {
    id: 'k8s/no-host-ipc',
    description: "Disallow pods that share the node's IPC namespace",
    rationale:
      "With `hostIPC: true` the pod shares System V shared memory, semaphores and message queues, and /dev/shm, with every process on the node that uses them. A compromised container can read or corrupt the shared memory of node services and other host-IPC pods, and exhaust the node's IPC limits.",
    severity: 'medium',
    threats: ['host-compromise', 'secret-theft', 'resource-starvation'],
    references: [
      'CIS Kubernetes 5.2.4',
      'NSA/CISA Kubernetes Hardening: host namespace sharing',
      'PSS baseline: Host Namespaces',
    ],
    remediation:
      'Remove `hostIPC: true`. Containers of the same pod already share an IPC namespace; use an emptyDir with `medium: Memory` for shared memory between them.',
    related: [
      { tool: 'kube-linter', id: 'host-ipc' },
      { tool: 'kubescape', id: 'C-0038' },
      { tool: 'kubescape', id: 'C-0276' },
      { tool: 'trivy', id: 'KSV008' },
      { tool: 'polaris', id: 'hostIPCSet' },
      { tool: 'checkov', id: 'CKV_K8S_18' },
    ],
    overlaps: ['pss/host-namespaces'],
    examples: [
      {
        bad: `apiVersion: v1
kind: Pod
metadata:
  name: cache
spec:
  hostIPC: true
  containers:
    - name: cache
      image: memcached:1.6
`,
        good: `apiVersion: v1
kind: Pod
metadata:
  name: cache
spec:
  containers:
    - name: cache
      image: memcached:1.6
`,
      },
    ],
  },
  check(workload, context) {
    if (workload.podSpec.hostIPC !== true) return;
    context.report({
      path: podPath(workload, 'hostIPC'),
      message: `${workload.kind} ${JSON.stringify(workload.object.name)} shares the node's IPC namespace: its shared memory and message queues are open to every host-IPC process on the node.`,
    });
  },
});
