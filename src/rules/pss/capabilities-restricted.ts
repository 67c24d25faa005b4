import { definePssRule, show, who } from './_pss.js';

export default definePssRule({
  check: 'capabilities_restricted',
  meta: {
    id: 'pss/capabilities-restricted',
    description:
      'Require containers to drop ALL capabilities and add back only NET_BIND_SERVICE (Pod Security Standards restricted, v1.22+)',
    rationale:
      "Even the runtime's default capabilities (NET_RAW, DAC_OVERRIDE, SETUID, ...) give an attacker in the container raw sockets for spoofing, and ways around file permissions. Dropping all of them leaves code execution in the container with the least reach into the kernel and the network.",
    severity: 'medium',
    threats: ['kernel-exploit', 'privilege-escalation'],
    references: ['PSS restricted: Capabilities'],
    remediation:
      'Set `securityContext.capabilities.drop: ["ALL"]` on every container and add back at most `NET_BIND_SERVICE`. Windows pods (`spec.os.name: windows`) are exempt from policy v1.25.',
    related: [
      { tool: 'trivy', id: 'KSV003' },
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
      securityContext:
        capabilities:
          drop: ["NET_RAW"]
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
        capabilities:
          drop: ["ALL"]
          add: ["NET_BIND_SERVICE"]
`,
      },
    ],
  },
  message: (field) => {
    if (!field.missing) {
      return `${who(field)} adds the capability ${show(field.value)}: the restricted level allows adding only NET_BIND_SERVICE.`;
    }
    const dropped = Array.isArray(field.value) ? field.value.map(show).join(', ') : '';
    return dropped === ''
      ? `${who(field)} does not drop ALL capabilities (securityContext.capabilities.drop), so it keeps the runtime's default set.`
      : `${who(field)} drops only ${dropped}, not ALL (securityContext.capabilities.drop): the rest of the runtime's default capabilities stay.`;
  },
});
