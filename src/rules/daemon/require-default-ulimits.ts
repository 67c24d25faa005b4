import { defineRule } from '../types.js';
import { reportMissing } from './_helpers.js';

export default defineRule({
  target: 'daemon',
  meta: {
    id: 'daemon/require-default-ulimits',
    description: 'Require default ulimits for containers',
    rationale:
      "Without default ulimits, containers inherit the daemon's limits (often unlimited open files and processes), so one container can exhaust file descriptors or process slots for the whole host.",
    severity: 'low',
    threats: ['resource-starvation'],
    references: ['CIS Docker 2.8'],
    remediation:
      'Set `"default-ulimits": { "nofile": { "Name": "nofile", "Soft": 65536, "Hard": 65536 }, "nproc": { "Name": "nproc", "Soft": 4096, "Hard": 4096 } }`.',
    related: [{ tool: 'docker-bench', id: '2.8' }],
    examples: [
      {
        bad: '{ "icc": false }\n',
        good: '{ "default-ulimits": { "nofile": { "Name": "nofile", "Soft": 65536, "Hard": 65536 } } }\n',
      },
    ],
  },
  check(config, context) {
    const setting = config.get('default-ulimits');
    if (
      setting &&
      setting.value !== null &&
      (typeof setting.value !== 'object' || Object.keys(setting.value as object).length > 0)
    )
      return;
    reportMissing(
      context,
      config,
      "No default ulimits are set: containers inherit the daemon's limits on open files and processes.",
      'default-ulimits',
    );
  },
});
