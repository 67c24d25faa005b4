import { defineRule } from '../types.js';
import { reportMissing, reportSetting } from './_helpers.js';

export default defineRule({
  target: 'daemon',
  meta: {
    id: 'daemon/require-icc-disabled',
    description: 'Require inter-container communication on the default bridge to be disabled (icc: false)',
    rationale:
      'With icc on (the default), every container on the default bridge reaches every port of every other: a compromised container attacks its neighbours directly. With icc off, only links and published ports connect them.',
    severity: 'medium',
    threats: ['lateral-movement'],
    references: ['CIS Docker 2.2'],
    remediation:
      'Set `"icc": false` in daemon.json (or `--icc=false`), and connect containers that must talk over user-defined networks.',
    related: [{ tool: 'docker-bench', id: '2.2' }],
    examples: [
      {
        bad: '{ "log-level": "info" }\n',
        good: '{ "icc": false }\n',
      },
    ],
  },
  check(config, context) {
    const setting = config.get('icc');
    const value = config.flag('icc');
    if (value === false) return;
    if (setting && value !== undefined) {
      reportSetting(
        context,
        setting,
        'Inter-container communication on the default bridge is on (icc is not false): any container there can reach every port of every other.',
        'icc',
      );
      return;
    }
    reportMissing(
      context,
      config,
      'Inter-container communication on the default bridge is on (icc is not false): any container there can reach every port of every other.',
      'icc',
    );
  },
});
