import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './no-ports-on-all-interfaces.js';

describe('docker-run/no-ports-on-all-interfaces', () => {
  testRule(rule, {
    valid: [{ name: 'loopback', code: '#!/bin/sh\ndocker run --publish=127.0.0.1:8080:80 nginx:1.27\n' }],
    invalid: [
      {
        name: 'redis on all interfaces',
        code: '#!/bin/sh\ndocker run -p 6379:6379 redis:7.4\n',
        findings: [{ line: 2, column: 15, severity: 'medium', message: /Redis/ }],
      },
      { name: '-P', code: '#!/bin/sh\ndocker run -P nginx:1.27\n', findings: [{ line: 2, severity: 'medium' }] },
    ],
  });
});
