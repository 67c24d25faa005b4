import { unsafeSysctls } from '../../analyzers/container-checks.js';
import { reportIssues } from '../container-report.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'docker-run',
  meta: {
    id: 'docker-run/no-unsafe-sysctls',
    description: 'Disallow docker run --sysctl of unsafe kernel parameters',
    rationale:
      'Kernel parameters outside the safe, namespaced set of the Pod Security Standards weaken network isolation or raise IPC limits (ip_forward, route_localnet, kernel.shmmax); node-level ones, and network or IPC ones with `--network host`/`--ipc host`, would change the whole host (runc refuses them).',
    severity: 'medium',
    threats: ['kernel-exploit', 'lateral-movement'],
    references: ['Kubernetes docs: Using sysctls in a Kubernetes cluster (safe set)'],
    remediation: 'Remove the `--sysctl`, or keep to the safe set.',
    examples: [
      {
        bad: '#!/bin/sh\ndocker run --sysctl net.ipv4.ip_forward=1 app:1.0\n',
        good: '#!/bin/sh\ndocker run --sysctl net.ipv4.ip_unprivileged_port_start=0 app:1.0\n',
      },
    ],
  },
  check(command, context) {
    reportIssues(context, unsafeSysctls(command.spec), { keyPrefix: `${command.text}|` });
  },
});
