import { writableBindMounts } from '../../analyzers/container-checks.js';
import { reportIssues } from '../container-report.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'compose',
  meta: {
    id: 'compose/no-writable-bind-mounts',
    description: 'Disallow writable bind mounts of project directories in compose services',
    rationale:
      "A writable bind mount lets a compromised container change files on the host: plant code the developer or another service later runs (a Git hook, a script, a dependency), or tamper with data outside the container's lifetime. Named volumes keep data under Docker's control; read-only mounts keep host files safe. This rule covers project-relative and variable sources (`./uploads`, `$DATA_DIR/cache`); host paths outside the project are graded by compose/no-sensitive-host-mounts.",
    severity: 'low',
    threats: ['permissive-volume-mount'],
    references: ['CIS Docker 5.6', 'NIST SP 800-190 4.4.5'],
    remediation: 'Append `:ro` to bind mounts that are only read, and use named volumes for data the service writes.',
    examples: [
      {
        bad: 'services:\n  web:\n    image: app:1.0\n    volumes:\n      - ./config:/etc/app\n',
        good: 'services:\n  web:\n    image: app:1.0\n    volumes:\n      - ./config:/etc/app:ro\n',
      },
    ],
  },
  check(document, context) {
    for (const service of document.services) reportIssues(context, writableBindMounts(service.spec));
  },
});
