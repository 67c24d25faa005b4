import { definePssRule, who } from './_pss.js';

export default definePssRule({
  check: 'allowPrivilegeEscalation',
  meta: {
    id: 'pss/allow-privilege-escalation',
    description: 'Require allowPrivilegeEscalation: false on every container (Pod Security Standards restricted, v1.8+)',
    rationale:
      'Unless `allowPrivilegeEscalation` is false, the kernel lets a process gain more privileges than its parent (no_new_privs is not set): a setuid binary or file capability in the image turns code execution as an unprivileged user into root in the container.',
    severity: 'medium',
    threats: ['privilege-escalation'],
    references: ['PSS restricted: Privilege Escalation'],
    remediation:
      'Set `securityContext.allowPrivilegeEscalation: false` on every container, init container and ephemeral container. Windows pods (`spec.os.name: windows`) are exempt from policy v1.25.',
    related: [
      { tool: 'trivy', id: 'KSV001' },
      { tool: 'kubescape', id: 'C-0016' },
      { tool: 'kube-linter', id: 'privilege-escalation-container' },
      { tool: 'polaris', id: 'privilegeEscalationAllowed' },
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
  containers:
    - name: web
      image: nginx:1.27
      securityContext:
        allowPrivilegeEscalation: false
`,
      },
    ],
  },
  message: (field) =>
    field.missing
      ? `${who(field)} does not set securityContext.allowPrivilegeEscalation: false, so setuid binaries in it can gain privileges.`
      : `${who(field)} sets securityContext.allowPrivilegeEscalation: ${String(field.value)}, so setuid binaries in it can gain privileges.`,
});
