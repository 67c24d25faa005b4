import { defineRule } from '../types.js';
import { reportSetting } from './_helpers.js';

export default defineRule({
  target: 'daemon',
  meta: {
    id: 'daemon/no-iptables-disabled',
    description: "Disallow turning off Docker's iptables management",
    rationale:
      'With `iptables: false` Docker stops writing the firewall rules that isolate container networks and publish only the ports you asked for: containers become reachable (or able to reach) in ways nobody configured, and hand-written rules drift.',
    severity: 'medium',
    threats: ['lateral-movement', 'network-port-escape'],
    references: ['CIS Docker 2.4'],
    remediation: 'Remove `"iptables": false` and let Docker manage its chains; add your own rules in the DOCKER-USER chain.',
    related: [{ tool: 'docker-bench', id: '2.4' }],
    examples: [
      {
        bad: '{ "iptables": false }\n',
        good: '{ "iptables": true }\n',
      },
    ],
  },
  check(config, context) {
    const setting = config.get('iptables');
    if (!setting || config.flag('iptables') !== false) return;
    reportSetting(
      context,
      setting,
      'Docker does not manage iptables (iptables: false): container network isolation and port publishing rules are not enforced by Docker.',
      'iptables',
    );
  },
});
