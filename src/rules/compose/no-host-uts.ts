import { hostNamespace } from '../../analyzers/container-checks.js';
import { reportIssues } from '../container-report.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'compose',
  meta: {
    id: 'compose/no-host-uts',
    description: 'Disallow compose services that share the host UTS namespace',
    rationale:
      "With the host UTS namespace a container can change the host's name, confusing logs, monitoring and anything keyed on the host name.",
    severity: 'medium',
    threats: ['host-compromise'],
    references: ['CIS Docker 5.21', 'NIST SP 800-190 4.4.4'],
    remediation: 'Remove `uts: host`; publish the ports the service needs (network) or use a sidecar with narrower access.',
    examples: [
      {
        bad: 'services:\n  web:\n    image: app:1.0\n    uts: host\n',
        good: 'services:\n  web:\n    image: app:1.0\n',
      },
    ],
  },
  check(document, context) {
    for (const service of document.services) reportIssues(context, hostNamespace(service.spec, 'uts'));
  },
});
