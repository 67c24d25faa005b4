import { hostNamespace } from '../../analyzers/container-checks.js';
import { reportIssues } from '../container-report.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'compose',
  meta: {
    id: 'compose/no-host-userns',
    description: 'Disallow compose services that share the host user namespace',
    rationale:
      'When the daemon remaps users (userns-remap), `userns_mode: host` opts this container out: root in it is root on the host again.',
    severity: 'medium',
    threats: ['privilege-escalation', 'host-compromise'],
    references: ['CIS Docker 5.31', 'NIST SP 800-190 4.4.4'],
    remediation:
      'Remove `userns_mode: host`; publish the ports the service needs (network) or use a sidecar with narrower access.',
    examples: [
      {
        bad: 'services:\n  web:\n    image: app:1.0\n    userns_mode: host\n',
        good: 'services:\n  web:\n    image: app:1.0\n',
      },
    ],
  },
  check(document, context) {
    for (const service of document.services) reportIssues(context, hostNamespace(service.spec, 'userns'));
  },
});
