import { readOnlyRootfs } from '../../analyzers/container-checks.js';
import { reportIssues } from '../container-report.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'compose',
  meta: {
    id: 'compose/require-read-only',
    description: 'Require compose services to run with a read-only root filesystem',
    rationale:
      'With a writable root filesystem an attacker who gets code execution can download tools, modify the application and persist across process restarts. A read-only filesystem, with tmpfs or volumes only where the service writes, blocks that.',
    severity: 'low',
    threats: ['application-escape', 'malicious-payload'],
    references: ['CIS Docker 5.13', 'NIST SP 800-190 4.4.2'],
    remediation: 'Set `read_only: true` and mount `tmpfs` for scratch paths (`tmpfs: [/tmp]`) and volumes for data.',
    examples: [
      {
        bad: 'services:\n  web:\n    image: app:1.0\n',
        good: 'services:\n  web:\n    image: app:1.0\n    read_only: true\n    tmpfs:\n      - /tmp\n',
      },
    ],
  },
  check(document, context) {
    for (const service of document.services) reportIssues(context, readOnlyRootfs(service.spec));
  },
});
