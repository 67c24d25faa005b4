import { privileged } from '../../analyzers/container-checks.js';
import { reportIssues } from '../container-report.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'compose',
  meta: {
    id: 'compose/no-privileged',
    description: 'Disallow privileged compose services',
    rationale:
      'A privileged container has every capability, no seccomp or AppArmor confinement and all host devices: code running in it can mount the host disk, load kernel modules and take over the host and every other container on it.',
    severity: 'critical',
    threats: ['host-compromise', 'kernel-exploit'],
    references: ['CIS Docker 5.5', 'NIST SP 800-190 4.4.4'],
    remediation:
      'Remove `privileged: true`. Add the one capability the service needs with `cap_add`, or the one device with `devices`.',
    related: [{ tool: 'kics', id: 'ae5b6871-7f45-42e0-bb4c-ab300c4d2026' }],
    examples: [
      {
        bad: 'services:\n  web:\n    image: nginx:1.27\n    privileged: true\n',
        good: 'services:\n  web:\n    image: nginx:1.27\n    privileged: false\n',
      },
    ],
  },
  check(document, context) {
    for (const service of document.services) reportIssues(context, privileged(service.spec));
  },
});
