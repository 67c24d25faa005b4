import { noNewPrivileges } from '../../analyzers/container-checks.js';
import { reportIssues } from '../container-report.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'compose',
  meta: {
    id: 'compose/require-no-new-privileges',
    description: 'Require no-new-privileges for compose services',
    rationale:
      'Without no-new-privileges, a process in the container can gain privileges through setuid and setgid programs in the image (or ones an attacker makes): the step from an unprivileged foothold to root in the container.',
    severity: 'medium',
    threats: ['privilege-escalation'],
    references: ['CIS Docker 5.26', 'NIST SP 800-190 4.4.3'],
    remediation:
      'Add `security_opt: ["no-new-privileges:true"]` (or set `"no-new-privileges": true` in daemon.json for every container).',
    examples: [
      {
        bad: 'services:\n  web:\n    image: app:1.0\n',
        good: 'services:\n  web:\n    image: app:1.0\n    security_opt:\n      - no-new-privileges:true\n',
      },
    ],
  },
  check(document, context) {
    for (const service of document.services) reportIssues(context, noNewPrivileges(service.spec));
  },
});
