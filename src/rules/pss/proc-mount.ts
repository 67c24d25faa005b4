import { definePssRule, show, who } from './_pss.js';

export default definePssRule({
  check: 'procMount',
  meta: {
    id: 'pss/proc-mount',
    description: 'Disallow unmasked /proc mounts (Pod Security Standards baseline)',
    rationale:
      "The runtime masks and makes read-only the parts of /proc that expose or change the node's kernel (kcore, sysrq-trigger, timer lists). `procMount: Unmasked` removes the masks, giving the container kernel information and knobs that help break out. From policy v1.35 the baseline level allows it for pods in a user namespace (`hostUsers: false`).",
    severity: 'high',
    threats: ['kernel-exploit', 'host-compromise'],
    references: ['PSS baseline: /proc Mount Type'],
    remediation: 'Remove `securityContext.procMount` or set it to `Default`.',
    related: [
      { tool: 'trivy', id: 'KSV027' },
      { tool: 'kube-linter', id: 'unsafe-proc-mount' },
    ],
    // The restricted level's procMount check reports the same field.
    overlaps: ['pss/proc-mount-restricted'],
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
        procMount: Unmasked
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
        procMount: Default
`,
      },
    ],
  },
  message: (field) =>
    `${who(field)} sets securityContext.procMount to ${show(field.value)}: /proc is not masked, exposing kernel interfaces of the node.`,
});
