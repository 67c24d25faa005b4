import { defineRule } from '../types.js';
import { reportSetting } from './_helpers.js';

export default defineRule({
  target: 'daemon',
  meta: {
    id: 'daemon/no-unconfined-seccomp',
    description: 'Disallow turning off the default seccomp profile daemon-wide',
    rationale:
      'The default seccomp profile blocks system calls that kernel exploits and container escapes rely on. `"seccomp-profile": "unconfined"` removes it for every container on the host.',
    severity: 'high',
    threats: ['kernel-exploit', 'host-compromise'],
    references: ['CIS Docker 2.17', 'CIS Docker 5.22'],
    remediation: 'Remove the setting (the built-in default profile applies) or point it at a reviewed custom profile file.',
    related: [
      { tool: 'docker-bench', id: '2.17' },
      { tool: 'docker-bench', id: '5.22' },
    ],
    examples: [
      {
        bad: '{ "seccomp-profile": "unconfined" }\n',
        good: '{ "seccomp-profile": "/etc/docker/seccomp.json" }\n',
      },
    ],
  },
  check(config, context) {
    const setting = config.get('seccomp-profile');
    if (!setting || typeof setting.value !== 'string' || setting.value.trim().toLowerCase() !== 'unconfined') return;
    reportSetting(context, setting, 'seccomp is turned off for every container (seccomp-profile: unconfined).', 'seccomp');
  },
});
