import { hostNamespace } from '../../analyzers/container-checks.js';
import { reportIssues } from '../container-report.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'docker-run',
  meta: {
    id: 'docker-run/no-host-network',
    description: 'Disallow docker run --network=host',
    rationale:
      "Sharing the host's network stack with a container removes that layer of isolation: see the compose rule of the same name for what an attacker gains.",
    severity: 'high',
    threats: ['host-compromise', 'network-sniffing', 'lateral-movement'],
    references: ['CIS Docker 5.10'],
    remediation:
      'Remove `--network=host` and give the container only the specific access it needs (a published port, a shared volume).',
    examples: [
      {
        bad: '#!/bin/sh\ndocker run --network=host app:1.0\n',
        good: '#!/bin/sh\ndocker run app:1.0\n',
      },
    ],
  },
  check(command, context) {
    reportIssues(context, hostNamespace(command.spec, 'network'), { keyPrefix: `${command.text}|` });
  },
});
