import { allInterfacesPorts } from '../../analyzers/container-checks.js';
import { reportIssues } from '../container-report.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'docker-run',
  meta: {
    id: 'docker-run/no-ports-on-all-interfaces',
    description: 'Disallow docker run -p publishing on all host interfaces where loopback would do',
    rationale:
      "A port published without an address (`-p 5432:5432`) listens on every host interface, and Docker's iptables rules bypass host firewalls. Data stores and admin ports published this way are a common breach.",
    severity: 'low',
    threats: ['network-port-escape', 'lateral-movement'],
    references: ['CIS Docker 5.14'],
    remediation: 'Publish on loopback (`-p 127.0.0.1:5432:5432`) when only the host needs it, or on a specific address.',
    examples: [
      {
        bad: '#!/bin/sh\ndocker run -p 6379:6379 redis:7.4\n',
        good: '#!/bin/sh\ndocker run -p 127.0.0.1:6379:6379 redis:7.4\n',
      },
    ],
  },
  check(command, context) {
    reportIssues(context, allInterfacesPorts(command.spec), { keyPrefix: `${command.text}|` });
  },
});
