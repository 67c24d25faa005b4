import { definePssRule, who } from './_pss.js';

export default definePssRule({
  check: 'runAsUser',
  meta: {
    id: 'pss/run-as-user',
    description: 'Disallow runAsUser: 0 (Pod Security Standards restricted, v1.23+)',
    rationale:
      "`runAsUser: 0` runs the container's processes as root whatever the image says, with root's access to the container's files and every capability the container keeps.",
    severity: 'medium',
    threats: ['application-escape', 'privilege-escalation'],
    references: ['PSS restricted: Running as Non-root user'],
    remediation:
      'Set `runAsUser` to a non-zero UID (for example 10001) on the pod and containers, or remove it and rely on a non-root image user with `runAsNonRoot: true`. From policy v1.35 pods in a user namespace (`hostUsers: false`) are exempt.',
    related: [{ tool: 'trivy', id: 'KSV105' }],
    examples: [
      {
        bad: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  securityContext:
    runAsUser: 0
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
    runAsUser: 10001
    runAsNonRoot: true
  containers:
    - name: web
      image: nginx:1.27
`,
      },
    ],
  },
  message: (field) => `${who(field)} sets securityContext.runAsUser: 0, so its processes run as root.`,
});
