import { definePssRule, show } from './_pss.js';

export default definePssRule({
  check: 'sysctls',
  meta: {
    id: 'pss/sysctls',
    description: 'Disallow sysctls outside the safe set (Pod Security Standards baseline)',
    rationale:
      'Sysctls outside the safe, namespaced set change kernel parameters for the whole node or weaken isolation between pods (message queues, shared memory limits, networking behaviour), letting one pod disturb or attack the others. The safe set grows with the policy version.',
    severity: 'high',
    threats: ['host-compromise', 'resource-starvation'],
    references: ['PSS baseline: Sysctls'],
    remediation:
      'Remove the sysctl from `spec.securityContext.sysctls`, or set it on the nodes instead. Safe sysctls: kernel.shm_rmid_forced, net.ipv4.ip_local_port_range, net.ipv4.ip_unprivileged_port_start, net.ipv4.tcp_syncookies, net.ipv4.ping_group_range, and with newer policy versions net.ipv4.ip_local_reserved_ports (v1.27), the TCP keepalive and fin timeout settings (v1.29), tcp_rmem and tcp_wmem (v1.32), tcp_slow_start_after_idle and tcp_notsent_lowat (v1.37).',
    related: [
      { tool: 'trivy', id: 'KSV026' },
      { tool: 'kube-linter', id: 'unsafe-sysctls' },
    ],
    examples: [
      {
        bad: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  securityContext:
    sysctls:
      - name: kernel.msgmax
        value: "65536"
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
    sysctls:
      - name: net.ipv4.ip_local_port_range
        value: "1024 65535"
  containers:
    - name: web
      image: nginx:1.27
`,
      },
    ],
  },
  message: (field, violation) =>
    `The pod sets the sysctl ${show(field.value)}, which is not in the safe set${violation.fields.length > 1 ? ` (forbidden: ${violation.detail})` : ''}: it can affect the node or other pods.`,
});
