import { unsafeSysctls } from '../../analyzers/container-checks.js';
import { reportIssues } from '../container-report.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'compose',
  meta: {
    id: 'compose/no-unsafe-sysctls',
    description: 'Disallow unsafe kernel parameters (sysctls) in compose services',
    rationale:
      'Only a few namespaced sysctls are safe to set per container. Others change shared kernel behaviour or weaken network isolation: `net.ipv4.ip_forward` turns the container into a router, `route_localnet` exposes services bound to localhost.',
    severity: 'medium',
    threats: ['kernel-exploit', 'lateral-movement'],
    references: ['Kubernetes docs: Using sysctls in a Kubernetes cluster (safe set)', 'NIST SP 800-190 4.4.4'],
    remediation:
      'Remove the sysctl, or keep to the safe set (`net.ipv4.ip_unprivileged_port_start`, `net.ipv4.ip_local_port_range`, `net.ipv4.tcp_syncookies`, `net.ipv4.ping_group_range`, `kernel.shm_rmid_forced`, TCP keepalive settings).',
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
