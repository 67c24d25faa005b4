import { rootUser } from '../../analyzers/container-checks.js';
import { reportIssues } from '../container-report.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'compose',
  meta: {
    id: 'compose/no-root-user',
    description: 'Disallow compose services that run as root',
    rationale:
      'A process running as root in the container is root for the host kernel: one kernel, runtime or mount mistake away from the host, and able to change everything inside the container after a compromise.',
    severity: 'high',
    threats: ['application-escape', 'privilege-escalation'],
    references: ['CIS Docker 4.1', 'CIS Docker 5.24', 'NIST SP 800-190 4.4.3'],
    remediation:
      'Set `user: "10001:10001"` (a numeric, unprivileged user) or rely on an image whose Dockerfile ends with a non-root USER; without `user` the finding is low because the image may already do so.',
    examples: [
      {
        bad: 'services:\n  web:\n    image: app:1.0\n    user: root\n',
        good: 'services:\n  web:\n    image: app:1.0\n    user: "10001:10001"\n',
      },
    ],
  },
  check(document, context) {
    for (const service of document.services) reportIssues(context, rootUser(service.spec, 'user'));
  },
});
