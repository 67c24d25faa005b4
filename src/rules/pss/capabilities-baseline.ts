import { definePssRule, show, who } from './_pss.js';

export default definePssRule({
  check: 'capabilities_baseline',
  meta: {
    id: 'pss/capabilities-baseline',
    description: "Disallow adding capabilities beyond the runtime's default set (Pod Security Standards baseline)",
    rationale:
      'Capabilities outside the default set (SYS_ADMIN, NET_ADMIN, NET_RAW, SYS_PTRACE, SYS_MODULE, BPF, ...) each open a known path to the kernel or to other workloads: mounting file systems, sniffing and spoofing traffic, tracing processes, loading kernel code.',
    severity: 'high',
    threats: ['kernel-exploit', 'privilege-escalation'],
    references: ['PSS baseline: Capabilities'],
    remediation:
      'Remove the capability from `securityContext.capabilities.add`. Only AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, NET_BIND_SERVICE, SETFCAP, SETGID, SETPCAP, SETUID and SYS_CHROOT may be added at the baseline level (names without the CAP_ prefix, in upper case).',
    related: [
      { tool: 'trivy', id: 'KSV022' },
      { tool: 'kubescape', id: 'C-0046' },
      { tool: 'polaris', id: 'insecureCapabilities' },
    ],
    // The restricted level's capability check reports the same entries.
    overlaps: ['pss/capabilities-restricted'],
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
          add: ["SYS_ADMIN"]
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
  message: (field) =>
    `${who(field)} adds the capability ${show(field.value)}, which is not in the runtime's default set: it widens what the container can do to the kernel and the node.`,
});
