import { hostNamespace } from '../../analyzers/container-checks.js';
import { reportIssues } from '../container-report.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'docker-run',
  meta: {
    id: 'docker-run/no-host-ipc',
    description: 'Disallow docker run --ipc=host',
    rationale:
      "Sharing the host's IPC namespace with a container removes that layer of isolation: see the compose rule of the same name for what an attacker gains.",
    severity: 'high',
    threats: ['host-compromise', 'secret-theft'],
    references: ['CIS Docker 5.17'],
    remediation:
      'Remove `--ipc=host` and give the container only the specific access it needs (a published port, a shared volume).',
    examples: [
      {
        bad: '#!/bin/sh\ndocker run --ipc=host app:1.0\n',
        good: '#!/bin/sh\ndocker run app:1.0\n',
      },
    ],
  },
  check(command, context) {
    reportIssues(context, hostNamespace(command.spec, 'ipc'), { keyPrefix: `${command.text}|` });
  },
});
