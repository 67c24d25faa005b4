import { devices } from '../../analyzers/container-checks.js';
import { reportIssues } from '../container-report.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'docker-run',
  meta: {
    id: 'docker-run/no-devices',
    description: 'Disallow docker run --device passing host devices',
    rationale:
      'A host device in the container bypasses isolation: raw disks can be read and rewritten, /dev/mem exposes host memory.',
    severity: 'medium',
    threats: ['host-compromise', 'kernel-exploit'],
    references: ['CIS Docker 5.18'],
    remediation: 'Remove `--device`, or pass the one device needed with the least access (`:r`).',
    examples: [
      {
        bad: '#!/bin/sh\ndocker run --device /dev/sda app:1.0\n',
        good: '#!/bin/sh\ndocker run app:1.0\n',
      },
    ],
  },
  check(command, context) {
    reportIssues(context, devices(command.spec), { keyPrefix: `${command.text}|` });
  },
});
