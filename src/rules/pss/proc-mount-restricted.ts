import { definePssRule, show, who } from './_pss.js';

export default definePssRule({
  check: 'procMount_restricted',
  meta: {
    id: 'pss/proc-mount-restricted',
    description: 'Disallow unmasked /proc mounts, even in user namespaces (Pod Security Standards restricted, v1.35+)',
    rationale:
      'From policy v1.35 the baseline level lets pods in a user namespace unmask /proc; the restricted level still forbids it, because the unmasked /proc exposes kernel interfaces that a user namespace does not fully isolate.',
    severity: 'medium',
    threats: ['kernel-exploit'],
    references: ['PSS restricted: /proc Mount Type'],
    remediation: 'Remove `securityContext.procMount` or set it to `Default`, also for pods with `hostUsers: false`.',
    related: [{ tool: 'trivy', id: 'KSV027' }],
    examples: [
      {
        bad: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  hostUsers: false
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
  hostUsers: false
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
    `${who(field)} sets securityContext.procMount to ${show(field.value)}: /proc is not masked, which the restricted level forbids even in a user namespace.`,
});
