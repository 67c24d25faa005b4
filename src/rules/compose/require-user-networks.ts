import { defineRule } from '../types.js';

export default defineRule({
  target: 'compose',
  meta: {
    id: 'compose/require-user-networks',
    description: 'Require compose services to be segmented on user-defined networks',
    rationale:
      "Services that declare no network all join the project's default network, where every container can reach every port of every other one. A compromised front end then talks straight to the database, the cache and the admin tools. Networks per tier let only the services that must talk reach each other.",
    severity: 'low',
    threats: ['lateral-movement'],
    references: ['CIS Docker 5.30', 'NIST SP 800-190 4.5.2', 'Compose Specification: networks'],
    remediation:
      'Declare networks per tier (`networks: { frontend: {}, backend: { internal: true } }`) and attach each service only to those it needs; mark networks without outside traffic `internal: true`.',
    examples: [
      {
        bad: 'services:\n  web:\n    image: nginx:1.27\n  db:\n    image: postgres:16\n',
        good: 'services:\n  web:\n    image: nginx:1.27\n    networks: [frontend, backend]\n  db:\n    image: postgres:16\n    networks: [backend]\nnetworks:\n  frontend: {}\n  backend:\n    internal: true\n',
      },
    ],
  },
  check(document, context) {
    const shared = document.services.filter((s) => s.spec.networks.length === 0 && s.spec.networkMode === undefined);
    if (shared.length < 2) return;
    const names = shared.map((s) => `"${s.name}"`).join(', ');
    context.report({
      message: `Services ${names} are all on the default network only: each can reach every port of the others. Put them on separate user-defined networks by tier.`,
      path: ['services'],
      key: 'default-network',
    });
  },
});
