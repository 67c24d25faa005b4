import { sensitiveMounts } from '../../analyzers/container-checks.js';
import { reportIssues } from '../container-report.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'compose',
  meta: {
    id: 'compose/no-sensitive-host-mounts',
    description: 'Disallow bind mounts of container runtime sockets and sensitive host paths in compose services',
    rationale:
      "Mounting the Docker socket gives the container the Docker API: it can start a privileged container with the host's root filesystem and own the host. Mounting the host's /, /etc, /proc, /var/lib/docker, credentials or logs exposes or lets it change the host directly. Every host path outside the project is graded by what it exposes, with the same table as Kubernetes hostPath volumes (a directory is as sensitive as what it contains; any other host path is medium): one step lower when read-only, except for sockets (a read-only socket is still a full API), and info for files that are harmless to read (the time zone, the CA bundle). Project-relative paths are left to compose/no-writable-bind-mounts.",
    severity: 'critical',
    threats: ['permissive-volume-mount', 'host-compromise', 'secret-theft'],
    references: ['CIS Docker 5.6', 'CIS Docker 5.32', 'NIST SP 800-190 4.4.5'],
    remediation:
      'Remove the mount. Give tools that need the Docker API a socket proxy that allows only the calls they make (for example tecnativa/docker-socket-proxy), and mount only the specific files a service needs, read-only.',
    related: [{ tool: 'docker-bench', id: '5.32' }],
    examples: [
      {
        bad: 'services:\n  web:\n    image: traefik:3.1\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock\n',
        good: 'services:\n  web:\n    image: traefik:3.1\n    volumes:\n      - ./traefik.yml:/etc/traefik/traefik.yml:ro\n',
      },
    ],
  },
  check(document, context) {
    for (const service of document.services) reportIssues(context, sensitiveMounts(service.spec));
  },
});
