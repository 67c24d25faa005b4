import { defineRule } from '../types.js';
import { podPath } from './_pod.js';

export default defineRule({
  target: 'workload',
  meta: {
    id: 'k8s/no-host-pid',
    description: "Disallow pods that share the node's process ID namespace",
    rationale:
      "With `hostPID: true` the pod sees every process on the node. A process running as root (or as the same UID as its target) can read other processes' environment variables and command lines, which often carry credentials, signal and kill them, and with SYS_PTRACE attach to them; `nsenter --target 1` from a privileged container is a one-line escape to the node.",
    severity: 'high',
    threats: ['host-compromise', 'secret-theft', 'privilege-escalation'],
    references: [
      'CIS Kubernetes 5.2.3',
      'NSA/CISA Kubernetes Hardening: host namespace sharing',
      'PSS baseline: Host Namespaces',
    ],
    remediation:
      'Remove `hostPID: true`. To share processes between the containers of one pod, use `shareProcessNamespace: true` instead, which does not expose the node.',
    related: [
      { tool: 'kube-linter', id: 'host-pid' },
      { tool: 'kubescape', id: 'C-0038' },
      { tool: 'kubescape', id: 'C-0275' },
      { tool: 'trivy', id: 'KSV010' },
      { tool: 'polaris', id: 'hostPIDSet' },
      { tool: 'checkov', id: 'CKV_K8S_17' },
    ],
    overlaps: ['pss/host-namespaces'],
    examples: [
      {
        bad: `apiVersion: v1
kind: Pod
metadata:
  name: debug
spec:
  hostPID: true
  containers:
    - name: debug
      image: busybox:1.36
`,
        good: `apiVersion: v1
kind: Pod
metadata:
  name: debug
spec:
  shareProcessNamespace: true
  containers:
    - name: debug
      image: busybox:1.36
`,
      },
    ],
  },
  check(workload, context) {
    if (workload.podSpec.hostPID !== true) return;
    context.report({
      path: podPath(workload, 'hostPID'),
      message: `${workload.kind} ${JSON.stringify(workload.object.name)} shares the node's process namespace: it sees every process on the node, their command lines and (as root) their environment.`,
    });
  },
});
