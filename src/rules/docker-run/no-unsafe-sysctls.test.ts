import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './no-unsafe-sysctls.js';

describe('docker-run/no-unsafe-sysctls', () => {
  testRule(rule, {
    valid: [],
    invalid: [
      {
        name: 'ip_forward',
        code: '#!/bin/sh\ndocker run --sysctl=net.ipv4.ip_forward=1 app:1.0\n',
        findings: [{ line: 2, column: 12, severity: 'medium' }],
      },
    ],
  });
});
