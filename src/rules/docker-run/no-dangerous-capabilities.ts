import { dangerousCapabilities } from '../../analyzers/container-checks.js';
import { reportIssues } from '../container-report.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'docker-run',
  meta: {
    id: 'docker-run/no-dangerous-capabilities',
    description: 'Disallow docker run --cap-add of dangerous capabilities',
    rationale:
      'Capabilities such as SYS_ADMIN, SYS_MODULE, DAC_READ_SEARCH, SYS_PTRACE or NET_ADMIN give the container kernel powers that known escapes and network attacks use. They are graded with the same table as Kubernetes `capabilities.add` and compose `cap_add`; capabilities Docker grants by default are reported only where they are dangerous themselves (NET_RAW, DAC_OVERRIDE, SETUID, SETGID, MKNOD).',
    severity: 'high',
    threats: ['kernel-exploit', 'host-compromise', 'privilege-escalation'],
    references: ['CIS Docker 5.4'],
    remediation: 'Remove the capability, or use a narrower one; combine with `--cap-drop=ALL`.',
    examples: [
      {
        bad: '#!/bin/sh\ndocker run --cap-add SYS_ADMIN app:1.0\n',
        good: '#!/bin/sh\ndocker run --cap-drop ALL --cap-add NET_BIND_SERVICE app:1.0\n',
      },
    ],
  },
  check(command, context) {
    reportIssues(context, dangerousCapabilities(command.spec), { keyPrefix: `${command.text}|` });
  },
});
