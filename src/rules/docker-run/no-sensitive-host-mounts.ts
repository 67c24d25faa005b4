import { sensitiveMounts } from '../../analyzers/container-checks.js';
import { reportIssues } from '../container-report.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'docker-run',
  meta: {
    id: 'docker-run/no-sensitive-host-mounts',
    description: 'Disallow docker run mounts of container runtime sockets and sensitive host paths',
    rationale:
      "A container with the Docker socket (`-v /var/run/docker.sock:/var/run/docker.sock`) controls the Docker daemon and through it the host; with the host's /, /etc, /proc or credentials it reads or changes them directly. Every host path outside the working directory is graded by what it exposes, with the same table as Kubernetes hostPath volumes and compose bind mounts: read-only lowers the grade one step, except for sockets, and files harmless to read are info.",
    severity: 'critical',
    threats: ['permissive-volume-mount', 'host-compromise', 'secret-theft'],
    references: ['CIS Docker 5.6', 'CIS Docker 5.32'],
    remediation:
      'Remove the mount; give tools that need the Docker API a restricted socket proxy, and mount only specific files, read-only.',
    related: [{ tool: 'docker-bench', id: '5.32' }],
    examples: [
      {
        bad: '#!/bin/sh\ndocker run -v /var/run/docker.sock:/var/run/docker.sock app:1.0\n',
        good: '#!/bin/sh\ndocker run -v "$PWD/config:/config:ro" app:1.0\n',
      },
    ],
  },
  check(command, context) {
    reportIssues(context, sensitiveMounts(command.spec), { keyPrefix: `${command.text}|` });
  },
});
