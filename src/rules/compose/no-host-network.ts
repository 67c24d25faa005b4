import { hostNamespace } from '../../analyzers/container-checks.js';
import { reportIssues } from '../container-report.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'compose',
  meta: {
    id: 'compose/no-host-network',
    description: 'Disallow compose services that share the host network namespace',
    rationale:
      "With the host network a container binds any host port, reaches services listening on the host's localhost (the Docker API, cloud metadata proxies, databases bound to 127.0.0.1) and sees host traffic. Container network isolation and published-port controls no longer apply.",
    severity: 'high',
    threats: ['host-compromise', 'network-sniffing', 'lateral-movement'],
    references: ['CIS Docker 5.10', 'NIST SP 800-190 4.4.4'],
    remediation:
      'Remove `network_mode: host`; publish the ports the service needs (network) or use a sidecar with narrower access.',
    examples: [
      {
        bad: 'services:\n  web:\n    image: app:1.0\n    network_mode: host\n',
        good: 'services:\n  web:\n    image: app:1.0\n    network_mode: bridge\n',
      },
    ],
  },
  check(document, context) {
    for (const service of document.services) reportIssues(context, hostNamespace(service.spec, 'network'));
  },
});
