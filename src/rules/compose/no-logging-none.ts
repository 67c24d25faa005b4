import { loggingNone } from '../../analyzers/container-checks.js';
import { reportIssues } from '../container-report.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'compose',
  meta: {
    id: 'compose/no-logging-none',
    description: 'Disallow the "none" logging driver for compose services',
    rationale:
      'With the none driver everything the service writes to stdout and stderr is thrown away: errors, access logs and the traces an attack leaves are gone before anyone can look.',
    severity: 'medium',
    threats: ['undetected-activity'],
    references: ['CIS Docker 2.13', 'NIST SP 800-190 4.4.6'],
    remediation:
      'Remove the `logging.driver: none` setting (the daemon default applies) or send logs to a central driver (`journald`, `syslog`, `fluentd`, `awslogs`, `gcplogs`).',
    examples: [
      {
        bad: 'services:\n  web:\n    image: app:1.0\n    logging:\n      driver: none\n',
        good: 'services:\n  web:\n    image: app:1.0\n    logging:\n      driver: journald\n',
      },
    ],
  },
  check(document, context) {
    for (const service of document.services) reportIssues(context, loggingNone(service.spec));
  },
});
