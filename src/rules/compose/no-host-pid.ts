import { hostNamespace } from '../../analyzers/container-checks.js';
import { reportIssues } from '../container-report.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'compose',
  meta: {
    id: 'compose/no-host-pid',
    description: 'Disallow compose services that share the host PID namespace',
    rationale:
      'With the host PID namespace a container sees every process on the host, reads their command lines and environment through /proc, and with the right capabilities signals or traces them.',
    severity: 'high',
    threats: ['host-compromise', 'privilege-escalation'],
    references: ['CIS Docker 5.16', 'NIST SP 800-190 4.4.4'],
    remediation: 'Remove `pid: host`; publish the ports the service needs (network) or use a sidecar with narrower access.',
    examples: [
      {
        bad: 'services:\n  web:\n    image: app:1.0\n    pid: host\n',
        good: 'services:\n  web:\n    image: app:1.0\n    pid: service:db\n',
      },
    ],
  },
  check(document, context) {
    for (const service of document.services) reportIssues(context, hostNamespace(service.spec, 'pid'));
  },
});
