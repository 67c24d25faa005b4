import { capDropAll } from '../../analyzers/container-checks.js';
import { reportIssues } from '../container-report.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'compose',
  meta: {
    id: 'compose/require-cap-drop-all',
    description: 'Require compose services to drop all capabilities (cap_drop: [ALL])',
    rationale:
      'Docker grants every container a default set of capabilities (NET_RAW for ARP and DNS spoofing on the bridge, SETUID/SETGID, DAC_OVERRIDE, CHOWN, ...). Most services need none of them; dropping them all removes whole classes of attacks after a compromise.',
    // Graded as k8s/drop-all-capabilities: the same default set, the same risk. Added dangerous
    // capabilities are compose/no-dangerous-capabilities (high).
    severity: 'low',
    threats: ['privilege-escalation', 'network-sniffing'],
    references: ['CIS Docker 5.4', 'NIST SP 800-190 4.4.4'],
    remediation:
      'Add `cap_drop: [ALL]` and add back only what the service needs (`cap_add: [NET_BIND_SERVICE]` to bind ports below 1024).',
    examples: [
      {
        bad: 'services:\n  web:\n    image: app:1.0\n',
        good: 'services:\n  web:\n    image: app:1.0\n    cap_drop: [ALL]\n',
      },
    ],
  },
  check(document, context) {
    for (const service of document.services) reportIssues(context, capDropAll(service.spec));
  },
});
