import { defineRule } from '../types.js';
import { reportMissing, reportSetting } from './_helpers.js';

export default defineRule({
  target: 'daemon',
  meta: {
    id: 'daemon/require-no-new-privileges',
    description: 'Require no-new-privileges by default for all containers',
    rationale:
      "With `no-new-privileges` set in the daemon, no process in any container can gain privileges through setuid or setgid programs, whatever each container's own settings forget.",
    severity: 'medium',
    threats: ['privilege-escalation'],
    references: ['CIS Docker 2.14'],
    remediation: 'Set `"no-new-privileges": true` in daemon.json (`--no-new-privileges`).',
    related: [{ tool: 'docker-bench', id: '2.14' }],
    examples: [
      {
        bad: '{ "icc": false }\n',
        good: '{ "no-new-privileges": true }\n',
      },
    ],
  },
  check(config, context) {
    const setting = config.get('no-new-privileges');
    const value = config.flag('no-new-privileges');
    if (value === true) return;
    if (setting && value !== undefined) {
      reportSetting(
        context,
        setting,
        'Containers may gain new privileges through setuid programs: no-new-privileges is not set for the daemon.',
        'no-new-privileges',
      );
      return;
    }
    reportMissing(
      context,
      config,
      'Containers may gain new privileges through setuid programs: no-new-privileges is not set for the daemon.',
      'no-new-privileges',
    );
  },
});
