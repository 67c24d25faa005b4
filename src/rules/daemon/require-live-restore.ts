import { defineRule } from '../types.js';
import { reportMissing, reportSetting } from './_helpers.js';

export default defineRule({
  target: 'daemon',
  meta: {
    id: 'daemon/require-live-restore',
    description: 'Require live-restore so containers keep running while the daemon restarts',
    rationale:
      'Without live-restore, every daemon restart or upgrade stops all containers: an attacker who can crash or restart dockerd takes every service down, and patching the daemon means downtime, so it is postponed.',
    severity: 'low',
    threats: ['resource-starvation'],
    references: ['CIS Docker 2.15'],
    remediation: 'Set `"live-restore": true` in daemon.json (not compatible with swarm mode).',
    related: [{ tool: 'docker-bench', id: '2.15' }],
    examples: [
      {
        bad: '{ "icc": false }\n',
        good: '{ "live-restore": true }\n',
      },
    ],
  },
  check(config, context) {
    const setting = config.get('live-restore');
    const value = config.flag('live-restore');
    if (value === true) return;
    if (setting && value !== undefined) {
      reportSetting(
        context,
        setting,
        'live-restore is not enabled: a restart or crash of the daemon stops every container.',
        'live-restore',
      );
      return;
    }
    reportMissing(
      context,
      config,
      'live-restore is not enabled: a restart or crash of the daemon stops every container.',
      'live-restore',
    );
  },
});
