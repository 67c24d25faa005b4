import { hostNamespace } from '../../analyzers/container-checks.js';
import { reportIssues } from '../container-report.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'docker-run',
  meta: {
    id: 'docker-run/no-host-uts',
    description: 'Disallow docker run --uts=host',
    rationale:
      "Sharing the host's UTS namespace (host name) with a container removes that layer of isolation: see the compose rule of the same name for what an attacker gains.",
    severity: 'medium',
    threats: ['host-compromise'],
    references: ['CIS Docker 5.21'],
    remediation:
      'Remove `--uts=host` and give the container only the specific access it needs (a published port, a shared volume).',
    examples: [
      {
        bad: '#!/bin/sh\ndocker run --uts=host app:1.0\n',
        good: '#!/bin/sh\ndocker run app:1.0\n',
      },
    ],
  },
  check(command, context) {
    reportIssues(context, hostNamespace(command.spec, 'uts'), { keyPrefix: `${command.text}|` });
  },
});
