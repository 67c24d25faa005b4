import { defineRule } from '../types.js';

export default defineRule({
  target: 'workload',
  meta: {
    id: 'k8s/no-privileged',
    description: 'Disallow privileged containers',
    rationale:
      'A privileged container runs with every capability, no seccomp or AppArmor confinement and access to all host devices. Anyone who gets code execution in it can mount the host disk, load kernel modules and take over the node, and from there every pod and secret on it.',
    severity: 'critical',
    threats: ['host-compromise', 'kernel-exploit'],
    references: [
      'PSS baseline: Privileged Containers',
      'CIS Kubernetes 5.2.2',
      'NSA/CISA Kubernetes Hardening: non-root containers and no privileged containers',
    ],
    remediation:
      'Remove `securityContext.privileged: true`. Grant only the specific capability the workload needs with `capabilities.add`, or move node-level work to a dedicated, reviewed DaemonSet.',
    overlaps: ['pss/privileged'],
    related: [
      { tool: 'kube-linter', id: 'privileged-container' },
      { tool: 'kubescape', id: 'C-0057' },
      { tool: 'trivy', id: 'KSV017' },
      { tool: 'polaris', id: 'runAsPrivileged' },
      { tool: 'kube-score', id: 'container-security-context-privileged' },
      { tool: 'checkov', id: 'CKV_K8S_16' },
    ],
    examples: [
      {
        bad: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: nginx:1.27
      securityContext:
        privileged: true
`,
        good: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: nginx:1.27
      securityContext:
        privileged: false
`,
      },
    ],
  },
  check(workload, context) {
    for (const container of workload.containers) {
      if (container.securityContext?.privileged !== true) continue;
      context.report({
        path: [...container.path, 'securityContext', 'privileged'],
        message: `Container "${container.name}" runs privileged: it has every capability and the host's devices, so a compromise of it is a compromise of the node.`,
      });
    }
  },
});
