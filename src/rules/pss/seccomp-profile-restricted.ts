import { definePssRule, show, who } from './_pss.js';

export default definePssRule({
  check: 'seccompProfile_restricted',
  meta: {
    id: 'pss/seccomp-profile-restricted',
    description:
      'Require a RuntimeDefault or Localhost seccomp profile for every container (Pod Security Standards restricted, v1.19+)',
    rationale:
      'Without a seccomp profile a container can make every system call, including the rarely used ones behind most kernel privilege escalations and container escapes. The runtime default profile blocks them at almost no compatibility cost.',
    severity: 'medium',
    threats: ['kernel-exploit'],
    references: ['PSS restricted: Seccomp'],
    remediation:
      'Set `securityContext.seccompProfile.type: RuntimeDefault` on the pod (containers inherit it), or `Localhost` with a reviewed profile. Windows pods (`spec.os.name: windows`) are exempt from policy v1.25.',
    related: [
      { tool: 'trivy', id: 'KSV030' },
      { tool: 'kubescape', id: 'C-0055' },
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
    field.missing
      ? `${who(field)} has no seccomp profile (neither it nor the pod sets securityContext.seccompProfile), so its system calls are not filtered.`
      : `${who(field)} sets securityContext.seccompProfile.type to ${show(field.value)}: only RuntimeDefault or Localhost filter system calls.`,
});
