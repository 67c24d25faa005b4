import { unconfinedSecurityOpt } from '../../analyzers/container-checks.js';
import { reportIssues } from '../container-report.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'compose',
  meta: {
    id: 'compose/no-unconfined-security-opt',
    description: 'Disallow turning off seccomp, AppArmor or SELinux for compose services',
    rationale:
      'The default seccomp profile blocks about 50 rarely needed system calls that kernel exploits use; AppArmor and SELinux confine file and capability use. `seccomp:unconfined`, `apparmor:unconfined` or `label:disable` remove that layer for the container.',
    severity: 'high',
    threats: ['kernel-exploit', 'host-compromise'],
    references: ['CIS Docker 5.2', 'CIS Docker 5.3', 'CIS Docker 5.22', 'NIST SP 800-190 4.4.4'],
    remediation:
      'Remove the option. If one system call is missing, write a custom seccomp profile that allows it (`seccomp:./profile.json`).',
    examples: [
      {
        bad: 'services:\n  web:\n    image: app:1.0\n    security_opt:\n      - seccomp:unconfined\n',
        good: 'services:\n  web:\n    image: app:1.0\n    security_opt:\n      - no-new-privileges:true\n',
      },
    ],
  },
  check(document, context) {
    for (const service of document.services) reportIssues(context, unconfinedSecurityOpt(service.spec));
  },
});
