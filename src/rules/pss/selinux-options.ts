import { definePssRule, show, who } from './_pss.js';

export default definePssRule({
  check: 'seLinuxOptions',
  meta: {
    id: 'pss/selinux-options',
    description: 'Disallow custom SELinux types, users and roles (Pod Security Standards baseline)',
    rationale:
      "SELinux labels confine what a container process may touch on the node. A custom type such as `spc_t` (super-privileged container) or a custom user or role lifts that confinement, so a compromised container can read and write the node's files.",
    severity: 'high',
    threats: ['host-compromise', 'privilege-escalation'],
    references: ['PSS baseline: SELinux'],
    remediation:
      'Leave `seLinuxOptions.type` unset or use one of `container_t`, `container_init_t`, `container_kvm_t` (and `container_engine_t` from policy v1.31); remove `seLinuxOptions.user` and `seLinuxOptions.role`. Setting `level` is allowed.',
    related: [{ tool: 'trivy', id: 'KSV025' }],
    examples: [
      {
        bad: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  securityContext:
    seLinuxOptions:
      type: spc_t
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
    seLinuxOptions:
      level: "s0:c123,c456"
  containers:
    - name: web
      image: nginx:1.27
`,
      },
    ],
  },
  message: (field) =>
    `${who(field)} sets ${field.field} to ${show(field.value)}: ${
      field.field.endsWith('.type')
        ? 'a type outside the container types escapes SELinux confinement'
        : 'custom SELinux users and roles are not allowed'
    }.`,
});
