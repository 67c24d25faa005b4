import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './no-dangerous-capabilities.js';

describe('docker-run/no-dangerous-capabilities', () => {
  testRule(rule, {
    valid: [{ name: 'default capability', code: '#!/bin/sh\ndocker run --cap-add=CHOWN app:1.0\n' }],
    invalid: [
      {
        name: 'two forms',
        code: '#!/bin/sh\ndocker run --cap-add=SYS_PTRACE --cap-add NET_ADMIN app:1.0\n',
        findings: [
          { line: 2, column: 12, severity: 'high', message: /adds SYS_PTRACE, which traces and injects code/ },
          { line: 2, severity: 'high', message: /adds NET_ADMIN, which/ },
        ],
      },
    ],
  });
});
