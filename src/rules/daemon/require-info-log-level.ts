import { defineRule } from '../types.js';
import { reportSetting } from './_helpers.js';

export default defineRule({
  target: 'daemon',
  meta: {
    id: 'daemon/require-info-log-level',
    description: 'Require the daemon log level to be info (not below)',
    rationale:
      'Below `info` (warn, error, fatal) the daemon does not record container starts, API calls and configuration changes that incident responders need. `debug` records everything, including request bodies that may hold secrets.',
    severity: 'medium',
    threats: ['undetected-activity'],
    references: ['CIS Docker 2.3'],
    remediation: 'Set `"log-level": "info"` (or remove it: info is the default).',
    related: [{ tool: 'docker-bench', id: '2.3' }],
    examples: [
      {
        bad: '{ "log-level": "error" }\n',
        good: '{ "log-level": "info" }\n',
      },
    ],
  },
  check(config, context) {
    const setting = config.get('log-level');
    const level = typeof setting?.value === 'string' ? setting.value.toLowerCase() : undefined;
    if (!setting || level === undefined || level === 'info') return;
    if (level === 'debug') {
      reportSetting(
        context,
        setting,
        'The daemon logs at debug level: logs grow fast and may record request bodies with secrets. Use info.',
        'log-level',
        'low',
      );
      return;
    }
    reportSetting(
      context,
      setting,
      `The daemon logs at "${level}", below info: container starts, API calls and configuration changes go unrecorded.`,
      'log-level',
    );
  },
});
