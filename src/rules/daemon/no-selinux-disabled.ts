import { defineRule } from '../types.js';
import { reportSetting } from './_helpers.js';

export default defineRule({
  target: 'daemon',
  meta: {
    id: 'daemon/no-selinux-disabled',
    description: 'Disallow explicitly disabling SELinux support in the daemon',
    rationale:
      "On SELinux hosts, `selinux-enabled: false` runs every container without SELinux labels: the mandatory access control that contains a compromised container's access to host files is gone.",
    severity: 'medium',
    threats: ['host-compromise', 'kernel-exploit'],
    references: ['CIS Docker 5.3'],
    remediation:
      'Set `"selinux-enabled": true` on SELinux hosts (Fedora, RHEL, CentOS Stream); on AppArmor hosts remove the setting.',
    related: [{ tool: 'docker-bench', id: '5.3' }],
    examples: [
      {
        bad: '{ "selinux-enabled": false }\n',
        good: '{ "selinux-enabled": true }\n',
      },
    ],
  },
  check(config, context) {
    const setting = config.get('selinux-enabled');
    if (!setting || config.flag('selinux-enabled') !== false) return;
    reportSetting(
      context,
      setting,
      'SELinux support is disabled for the daemon: containers run without SELinux confinement.',
      'selinux',
    );
  },
});
