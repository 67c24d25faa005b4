import { allInterfacesPorts } from '../../analyzers/container-checks.js';
import { reportIssues } from '../container-report.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'compose',
  meta: {
    id: 'compose/no-ports-on-all-interfaces',
    description: 'Disallow publishing ports on all host interfaces where loopback would do',
    rationale:
      "A port published without an address listens on every interface of the host, including public ones, and Docker's iptables rules bypass host firewalls such as ufw. Databases, caches and admin consoles published this way are among the most common container breaches.",
    severity: 'low',
    threats: ['network-port-escape', 'lateral-movement'],
    references: ['CIS Docker 5.14', 'NIST SP 800-190 4.5.1'],
    remediation:
      'Bind to loopback (`"127.0.0.1:5432:5432"`) when only the host needs the port, or do not publish it at all and let services talk over a compose network. Data stores and admin ports are reported as medium, other ports as low.',
    examples: [
      {
        bad: 'services:\n  db:\n    image: postgres:16\n    ports:\n      - "5432:5432"\n',
        good: 'services:\n  db:\n    image: postgres:16\n    ports:\n      - "127.0.0.1:5432:5432"\n',
      },
    ],
  },
  check(document, context) {
    for (const service of document.services) reportIssues(context, allInterfacesPorts(service.spec));
  },
});
