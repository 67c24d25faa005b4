import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './no-host-pid.js';

describe('docker-run/no-host-pid', () => {
  testRule(rule, {
    valid: [
      { name: 'not set', code: '#!/bin/sh\ndocker run app:1.0\n' },
      { name: 'a user-defined value', code: '#!/bin/sh\ndocker run --pid=private app:1.0\n' },
    ],
    invalid: [
      {
        name: '--pid=host',
        code: '#!/bin/sh\ndocker run --pid=host app:1.0\n',
        findings: [{ line: 2, column: 12, severity: 'high' }],
      },
      { name: '--pid host', code: '#!/bin/sh\ndocker run -d --pid host app:1.0\n', findings: [{ line: 2, column: 21 }] },
    ],
  });
});
