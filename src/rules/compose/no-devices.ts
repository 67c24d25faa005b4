import { devices } from '../../analyzers/container-checks.js';
import { reportIssues } from '../container-report.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'compose',
  meta: {
    id: 'compose/no-devices',
    description: 'Disallow passing host devices to compose services',
    rationale:
      'A host device in the container bypasses the isolation of the filesystem and the kernel: a raw disk can be read or rewritten, /dev/mem and /dev/kmem expose host memory, /dev/kvm and /dev/fuse open large kernel attack surfaces.',
    severity: 'medium',
    threats: ['host-compromise', 'kernel-exploit'],
    references: ['CIS Docker 5.18', 'NIST SP 800-190 4.4.4'],
    remediation:
      'Remove the device. If hardware access is required, pass the one specific device with the least access (`/dev/ttyUSB0:/dev/ttyUSB0:r`) and document why.',
    examples: [
      {
        bad: 'services:\n  web:\n    image: app:1.0\n    devices:\n      - /dev/sda:/dev/sda\n',
        good: 'services:\n  web:\n    image: app:1.0\n',
      },
    ],
  },
  check(document, context) {
    for (const service of document.services) reportIssues(context, devices(service.spec));
  },
});
