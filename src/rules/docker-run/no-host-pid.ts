import { hostNamespace } from '../../analyzers/container-checks.js';
import { reportIssues } from '../container-report.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'docker-run',
  meta: {
    id: 'docker-run/no-host-pid',
    description: 'Disallow docker run --pid=host',
    rationale:
      "Sharing the host's process namespace with a container removes that layer of isolation: see the compose rule of the same name for what an attacker gains.",
    severity: 'high',
    threats: ['host-compromise', 'privilege-escalation'],
    references: ['CIS Docker 5.16'],
    remediation:
      'Remove `--pid=host` and give the container only the specific access it needs (a published port, a shared volume).',
    examples: [
      {
        bad: '#!/bin/sh\ndocker run --pid=host app:1.0\n',
        good: '#!/bin/sh\ndocker run app:1.0\n',
      },
    ],
  },
  check(command, context) {
    reportIssues(context, hostNamespace(command.spec, 'pid'), { keyPrefix: `${command.text}|` });
  },
});
