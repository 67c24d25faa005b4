import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './require-resource-limits.js';

describe('docker-run/require-resource-limits', () => {
  testRule(rule, {
    valid: [{ name: 'short memory flag', code: '#!/bin/sh\ndocker run -m 1g --cpus=2 --pids-limit=100 app:1.0\n' }],
    invalid: [
      {
        name: 'none',
        code: '#!/bin/sh\ndocker run -d app:1.0\n',
        findings: [{ line: 2, column: 1, severity: 'low', message: /no --memory, --cpus, --pids-limit limit/ }],
      },
    ],
  });
});
