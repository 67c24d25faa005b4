import { definePssRule, who } from './_pss.js';

export default definePssRule({
  check: 'runAsNonRoot',
  meta: {
    id: 'pss/run-as-non-root',
    description: 'Require runAsNonRoot: true for every container (Pod Security Standards restricted)',
    rationale:
      'Without `runAsNonRoot: true` the kubelet starts the container as whatever user the image names, root for most images. Root in the container owns its files, can use any capability it keeps and is one kernel bug away from root on the node.',
    severity: 'medium',
    threats: ['application-escape', 'privilege-escalation'],
    references: ['PSS restricted: Running as Non-root'],
    remediation:
      'Set `securityContext.runAsNonRoot: true` on the pod (or on every container) and make sure the image runs as a non-zero UID (`USER 10001` in the Dockerfile, or `runAsUser`). From policy v1.35 pods in a user namespace (`hostUsers: false`) are exempt.',
    related: [
      { tool: 'trivy', id: 'KSV012' },
      { tool: 'kubescape', id: 'C-0013' },
      { tool: 'kube-linter', id: 'run-as-non-root' },
      { tool: 'polaris', id: 'runAsRootAllowed' },
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
`,
        good: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  securityContext:
    runAsNonRoot: true
  containers:
    - name: web
      image: nginx:1.27
`,
      },
    ],
  },
  message: (field) =>
    field.missing
      ? `${who(field)} does not set securityContext.runAsNonRoot: true (and the pod does not either), so it runs as root if the image says so.`
      : `${who(field)} sets securityContext.runAsNonRoot: ${String(field.value)}, so it may run as root.`,
});
