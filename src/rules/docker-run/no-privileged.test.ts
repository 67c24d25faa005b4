import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './no-privileged.js';

describe('docker-run/no-privileged', () => {
  testRule(rule, {
    valid: [
      { name: 'no flag', code: '#!/bin/sh\ndocker run --rm alpine:3.20\n' },
      { name: '=false', code: '#!/bin/sh\ndocker run --privileged=false alpine:3.20\n' },
      { name: 'docker exec is not run', code: '#!/bin/sh\ndocker exec --privileged c sh\n' },
    ],
    invalid: [
      {
        name: '--privileged',
        code: '#!/bin/sh\ndocker run -d --privileged nginx:1.27\n',
        findings: [{ line: 2, column: 15, severity: 'critical', message: /Docker run of "nginx:1\.27" runs privileged/ }],
      },
      {
        name: 'sudo, podman, create',
        code: '#!/bin/sh\nsudo podman create --privileged=true busybox:1.36\n',
        findings: [{ line: 2, message: /Podman create/ }],
      },
    ],
  });
});
