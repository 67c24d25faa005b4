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
    remediation:
      'Run with an unprivileged numeric user: `-u 10001:10001`, or rely on an image that ends with a non-root USER. A missing `-u` is not reported for throw-away containers (`docker run --rm` in the foreground, such as build and test tools in CI).',
    examples: [
      {
        bad: '#!/bin/sh\ndocker run -u 0 app:1.0\n',
        good: '#!/bin/sh\ndocker run -u 10001:10001 app:1.0\n',
      },
    ],
  },
  check(command, context) {
    const issues = rootUser(command.spec, 'user (-u)');
    // A throw-away `run --rm` container (a build or test tool in CI) is only reported for an explicit
    // root user: without -u it runs as the image's user, which is how such tools are meant to run.
    reportIssues(context, command.throwAway ? issues.filter((i) => i.key !== 'no-user') : issues, {
      keyPrefix: `${command.text}|`,
    });
  },
});
