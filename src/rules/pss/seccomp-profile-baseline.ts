import { definePssRule, show, who } from './_pss.js';

export default definePssRule({
  check: 'seccompProfile_baseline',
  meta: {
    id: 'pss/seccomp-profile-baseline',
    description: 'Disallow unconfined seccomp profiles (Pod Security Standards baseline)',
    rationale:
      'Seccomp filters the system calls a container may make; the runtime default blocks the rarely needed ones that most kernel exploits and container escapes rely on. An explicitly unconfined profile (the `seccompProfile` field, or the alpha annotations before policy v1.19) switches the filter off.',
    severity: 'high',
    threats: ['kernel-exploit'],
    references: ['PSS baseline: Seccomp'],
    remediation:
      'Set `securityContext.seccompProfile.type` to `RuntimeDefault` (or `Localhost` with a reviewed profile) on the pod, or remove the `Unconfined` setting; for old manifests, replace `unconfined` seccomp annotations with `runtime/default`.',
    related: [{ tool: 'trivy', id: 'KSV104' }],
    // The restricted level's seccomp check reports the same field.
    overlaps: ['pss/seccomp-profile-restricted'],
    examples: [
      {
        bad: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  securityContext:
    seccompProfile:
      type: Unconfined
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
    seccompProfile:
      type: RuntimeDefault
  containers:
    - name: web
      image: nginx:1.27
`,
      },
    ],
  },
  message: (field) =>
    field.path.includes('annotations')
      ? `${who(field)} is given the seccomp profile ${show(field.value)} by annotation: system calls are not filtered.`
      : `${who(field)} sets securityContext.seccompProfile.type to ${show(field.value)}: system calls are not filtered.`,
});
