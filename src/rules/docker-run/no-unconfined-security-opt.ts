import { unconfinedSecurityOpt } from '../../analyzers/container-checks.js';
import { reportIssues } from '../container-report.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'docker-run',
  meta: {
    id: 'docker-run/no-unconfined-security-opt',
    description: 'Disallow docker run --security-opt that turns off seccomp, AppArmor or SELinux',
    rationale:
      'seccomp, AppArmor and SELinux confine what a compromised process can ask of the kernel; `unconfined` removes that layer.',
    severity: 'high',
    threats: ['kernel-exploit', 'host-compromise'],
    references: ['CIS Docker 5.2', 'CIS Docker 5.22'],
    remediation: 'Remove the option, or point it at a custom profile that allows the one missing call.',
    examples: [
      {
        bad: '#!/bin/sh\ndocker run --security-opt seccomp=unconfined app:1.0\n',
        good: '#!/bin/sh\ndocker run --security-opt no-new-privileges app:1.0\n',
      },
    ],
  },
  check(command, context) {
    reportIssues(context, unconfinedSecurityOpt(command.spec), { keyPrefix: `${command.text}|` });
  },
});
