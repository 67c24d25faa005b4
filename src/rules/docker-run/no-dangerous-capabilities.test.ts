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
          { line: 2, column: 12, severity: 'critical' },
          { line: 2, severity: 'high', message: /CAP_NET_ADMIN/ },
        ],
      },
    ],
  });
});
