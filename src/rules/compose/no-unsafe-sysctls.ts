import { unsafeSysctls } from '../../analyzers/container-checks.js';
import { reportIssues } from '../container-report.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'compose',
  meta: {
    id: 'compose/no-unsafe-sysctls',
    description: 'Disallow unsafe kernel parameters (sysctls) in compose services',
    rationale:
      'Only a few namespaced sysctls are safe to set per container: the set the Pod Security Standards allow (the same list, at its newest policy version). Other namespaced ones weaken network isolation or raise IPC limits: `net.ipv4.ip_forward` turns the container into a router, `route_localnet` exposes services bound to localhost. Node-level ones (`vm.*`, `kernel.pid_max`), and network or IPC ones when the service shares the host namespace, would change the whole host; runc refuses them, so the service does not start.',
    severity: 'medium',
    threats: ['kernel-exploit', 'lateral-movement'],
    references: ['Kubernetes docs: Using sysctls in a Kubernetes cluster (safe set)', 'NIST SP 800-190 4.4.4'],
    remediation:
      'Remove the sysctl, set it on the host instead, or keep to the safe set (`kernel.shm_rmid_forced`, `net.ipv4.ip_local_port_range`, `net.ipv4.ip_local_reserved_ports`, `net.ipv4.ip_unprivileged_port_start`, `net.ipv4.tcp_syncookies`, `net.ipv4.ping_group_range`, the TCP keepalive, `tcp_fin_timeout`, `tcp_rmem`/`tcp_wmem`, `tcp_slow_start_after_idle` and `tcp_notsent_lowat` settings).',
    examples: [
      {
        bad: 'services:\n  web:\n    image: app:1.0\n    sysctls:\n      net.ipv4.ip_forward: 1\n',
        good: 'services:\n  web:\n    image: app:1.0\n    sysctls:\n      net.ipv4.ip_unprivileged_port_start: 0\n',
      },
    ],
  },
  check(document, context) {
    for (const service of document.services) reportIssues(context, unsafeSysctls(service.spec));
  },
});
