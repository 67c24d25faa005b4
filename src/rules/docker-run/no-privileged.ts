import { privileged } from '../../analyzers/container-checks.js';
import { reportIssues } from '../container-report.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'docker-run',
  meta: {
    id: 'docker-run/no-privileged',
    description: 'Disallow docker run --privileged in scripts',
    rationale:
      'A privileged container has every capability, no seccomp or AppArmor confinement and all host devices: whatever runs in it can take over the host the script runs on, a CI runner or a server.',
    severity: 'critical',
    threats: ['host-compromise', 'kernel-exploit'],
    references: ['CIS Docker 5.5'],
    remediation: 'Remove `--privileged`; add the specific capability (`--cap-add`) or device (`--device`) the container needs.',
    related: [{ tool: 'docker-bench', id: '5.5' }],
    examples: [
      {
        bad: '#!/bin/sh\ndocker run --rm --privileged alpine:3.20 sh\n',
        good: '#!/bin/sh\ndocker run --rm alpine:3.20 sh\n',
      },
    ],
  },
  check(command, context) {
    reportIssues(context, privileged(command.spec), { keyPrefix: `${command.text}|` });
  },
});
