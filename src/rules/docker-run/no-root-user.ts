import { rootUser } from '../../analyzers/container-checks.js';
import { reportIssues } from '../container-report.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'docker-run',
  meta: {
    id: 'docker-run/no-root-user',
    description: 'Disallow docker run as root (-u 0, -u root)',
    rationale:
      "A container run as root (`-u 0`) gives an attacker who compromises it root for the kernel, one mistake away from the host. Without `-u`, the image's USER applies (root unless the image sets one).",
    severity: 'high',
    threats: ['application-escape', 'privilege-escalation'],
    references: ['CIS Docker 4.1', 'CIS Docker 5.24'],
    remediation: 'Run with an unprivileged numeric user: `-u 10001:10001`, or rely on an image that ends with a non-root USER.',
    examples: [
      {
        bad: '#!/bin/sh\ndocker run -u 0 app:1.0\n',
        good: '#!/bin/sh\ndocker run -u 10001:10001 app:1.0\n',
      },
    ],
  },
  check(command, context) {
    reportIssues(context, rootUser(command.spec, 'user (-u)'), { keyPrefix: `${command.text}|` });
  },
});
