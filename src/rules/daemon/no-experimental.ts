import { defineRule } from '../types.js';
import { reportSetting } from './_helpers.js';

export default defineRule({
  target: 'daemon',
  meta: {
    id: 'daemon/no-experimental',
    description: 'Disallow experimental daemon features in production',
    rationale:
      "Experimental features are unfinished and not covered by Docker's security support: they add attack surface that has not had the scrutiny of stable code.",
    severity: 'low',
    threats: ['vulnerable-image', 'host-compromise'],
    references: ['CIS Docker 2.18'],
    remediation: 'Set `"experimental": false` (or remove it) on production hosts.',
    related: [{ tool: 'docker-bench', id: '2.18' }],
    examples: [
      {
        bad: '{ "experimental": true }\n',
        good: '{ "experimental": false }\n',
      },
    ],
  },
  check(config, context) {
    const setting = config.get('experimental');
    if (!setting || config.flag('experimental') !== true) return;
    reportSetting(context, setting, 'Experimental daemon features are enabled.', 'experimental');
  },
});
