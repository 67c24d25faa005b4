import { dangerousCapabilities } from '../../analyzers/container-checks.js';
import { reportIssues } from '../container-report.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'compose',
  meta: {
    id: 'compose/no-dangerous-capabilities',
    description: 'Disallow adding dangerous Linux capabilities to compose services',
    rationale:
      "Capabilities such as SYS_ADMIN, SYS_MODULE, DAC_READ_SEARCH, SYS_PTRACE or NET_ADMIN hand a container kernel powers that known escapes and network attacks rely on. Each finding names what the capability enables and is graded with the same table as Kubernetes `capabilities.add`, as Docker combines `cap_add` and `cap_drop`. Capabilities of Docker's default set are reported only where they are dangerous themselves (NET_RAW, DAC_OVERRIDE, SETUID, SETGID, MKNOD): an explicit add survives `cap_drop: [ALL]`.",
    severity: 'high',
    threats: ['kernel-exploit', 'host-compromise', 'privilege-escalation'],
    references: [
      'CIS Docker 5.4',
      'docker-bench C.5.3.1',
      'docker-bench C.5.3.2',
      'docker-bench C.5.3.3',
      'docker-bench C.5.3.4',
    ],
    remediation:
      'Remove the capability from `cap_add`, or replace it with a narrower one (NET_BIND_SERVICE instead of running privileged). Pair with `cap_drop: [ALL]`.',
    related: [{ tool: 'docker-bench', id: '5.4' }],
    examples: [
      {
        bad: 'services:\n  web:\n    image: app:1.0\n    cap_add:\n      - SYS_ADMIN\n',
        good: 'services:\n  web:\n    image: app:1.0\n    cap_drop: [ALL]\n    cap_add:\n      - NET_BIND_SERVICE\n',
      },
    ],
  },
  check(document, context) {
    for (const service of document.services) reportIssues(context, dangerousCapabilities(service.spec));
  },
});
