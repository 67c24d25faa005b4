import { definePssRule, who } from './_pss.js';

export default definePssRule({
  check: 'privileged',
  meta: {
    id: 'pss/privileged',
    description: 'Disallow privileged containers (Pod Security Standards baseline)',
    rationale:
      'A privileged container runs with every capability, without seccomp or AppArmor confinement and with all host devices. Code running in it can mount the node disk, load kernel modules and take over the node, and from there every pod and secret scheduled on it. Pod Security Admission rejects such pods at the baseline level.',
    severity: 'critical',
    threats: ['host-compromise', 'kernel-exploit'],
    references: ['PSS baseline: Privileged Containers'],
    remediation:
      'Remove `securityContext.privileged: true` (or set it to false) on every container, init container and ephemeral container. Grant only the specific capability the workload needs, or run node-level tooling in a reviewed namespace with the privileged level.',
    related: [
      { tool: 'kubescape', id: 'C-0057' },
      { tool: 'trivy', id: 'KSV017' },
      { tool: 'kube-linter', id: 'privileged-container' },
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
  message: (field) =>
    `${who(field)} runs privileged (securityContext.privileged: true): it has every capability and the node's devices, so a compromise of it is a compromise of the node.`,
});
