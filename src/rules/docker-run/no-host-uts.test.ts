import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './no-host-uts.js';

describe('docker-run/no-host-uts', () => {
  testRule(rule, {
    valid: [
      { name: 'not set', code: '#!/bin/sh\ndocker run app:1.0\n' },
      { name: 'a user-defined value', code: '#!/bin/sh\ndocker run --uts=private app:1.0\n' },
    ],
    invalid: [
      {
        name: '--uts=host',
        code: '#!/bin/sh\ndocker run --uts=host app:1.0\n',
        findings: [{ line: 2, column: 12, severity: 'medium' }],
      },
      { name: '--uts host', code: '#!/bin/sh\ndocker run -d --uts host app:1.0\n', findings: [{ line: 2, column: 21 }] },
    ],
  });
});
