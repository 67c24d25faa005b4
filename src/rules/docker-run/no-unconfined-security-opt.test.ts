import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './no-unconfined-security-opt.js';

describe('docker-run/no-unconfined-security-opt', () => {
  testRule(rule, {
    valid: [{ name: 'custom profile', code: '#!/bin/sh\ndocker run --security-opt seccomp=./p.json app:1.0\n' }],
    invalid: [
      {
        name: 'apparmor',
        code: '#!/bin/sh\ndocker run --security-opt apparmor=unconfined app:1.0\n',
        findings: [{ line: 2, column: 27, severity: 'high' }],
      },
    ],
  });
});
