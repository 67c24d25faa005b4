import { defineRule } from '../types.js';
import { reportMissing, reportSetting } from './_helpers.js';

export default defineRule({
  target: 'daemon',
  meta: {
    id: 'daemon/require-userns-remap',
    description: 'Require user namespace remapping (userns-remap)',
    rationale:
      'Without user namespaces, root in a container is uid 0 on the host: after any escape (a kernel bug, a writable mount) the attacker is root on the host. With `userns-remap`, container root maps to an unprivileged host uid.',
    severity: 'medium',
    threats: ['privilege-escalation', 'host-compromise'],
    references: ['CIS Docker 2.9', 'Docker docs: Isolate containers with a user namespace'],
    remediation:
      'Set `"userns-remap": "default"` (Docker creates the dockremap user) and check that volumes and images still work; or run the daemon rootless.',
    related: [{ tool: 'docker-bench', id: '2.9' }],
    examples: [
      {
        bad: '{ "icc": false }\n',
        good: '{ "userns-remap": "default" }\n',
      },
    ],
  },
  check(config, context) {
    const setting = config.get('userns-remap');
    if (setting && typeof setting.value === 'string' && setting.value.trim() !== '') return;
    if (setting) {
      reportSetting(
        context,
        setting,
        'userns-remap is empty: containers run without user namespace remapping, so root in a container is root on the host.',
        'userns-remap',
      );
      return;
    }
    reportMissing(
      context,
      config,
      'userns-remap is not set: containers run without user namespace remapping, so root in a container is root on the host.',
      'userns-remap',
    );
  },
});
