import { hostNamespace } from '../../analyzers/container-checks.js';
import { reportIssues } from '../container-report.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'docker-run',
  meta: {
    id: 'docker-run/no-host-userns',
    description: 'Disallow docker run --userns=host',
    rationale:
      "Sharing the host's user namespace with a container removes that layer of isolation: see the compose rule of the same name for what an attacker gains.",
    severity: 'medium',
    threats: ['privilege-escalation'],
    references: ['CIS Docker 5.31'],
    remediation:
      'Remove `--userns=host` and give the container only the specific access it needs (a published port, a shared volume).',
    examples: [
      {
        bad: '#!/bin/sh\ndocker run --userns=host app:1.0\n',
        good: '#!/bin/sh\ndocker run app:1.0\n',
      },
    ],
  },
  check(command, context) {
    reportIssues(context, hostNamespace(command.spec, 'userns'), { keyPrefix: `${command.text}|` });
  },
});
