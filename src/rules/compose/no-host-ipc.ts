import { hostNamespace } from '../../analyzers/container-checks.js';
import { reportIssues } from '../container-report.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'compose',
  meta: {
    id: 'compose/no-host-ipc',
    description: 'Disallow compose services that share the host IPC namespace',
    rationale:
      'With the host IPC namespace a container reads and writes the shared memory segments and semaphores of host processes, which can hold data and coordinate privileged programs.',
    severity: 'high',
    threats: ['host-compromise', 'secret-theft'],
    references: ['CIS Docker 5.17', 'NIST SP 800-190 4.4.4'],
    remediation: 'Remove `ipc: host`; publish the ports the service needs (network) or use a sidecar with narrower access.',
    examples: [
      {
        bad: 'services:\n  web:\n    image: app:1.0\n    ipc: host\n',
        good: 'services:\n  web:\n    image: app:1.0\n    ipc: private\n',
      },
    ],
  },
  check(document, context) {
    for (const service of document.services) reportIssues(context, hostNamespace(service.spec, 'ipc'));
  },
});
