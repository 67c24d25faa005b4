import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './no-host-userns.js';

describe('docker-run/no-host-userns', () => {
  testRule(rule, {
    valid: [
      { name: 'not set', code: '#!/bin/sh\ndocker run app:1.0\n' },
      { name: 'a user-defined value', code: '#!/bin/sh\ndocker run --userns=private app:1.0\n' },
    ],
    invalid: [
      {
        name: '--userns=host',
        code: '#!/bin/sh\ndocker run --userns=host app:1.0\n',
        findings: [{ line: 2, column: 12, severity: 'medium' }],
      },
      { name: '--userns host', code: '#!/bin/sh\ndocker run -d --userns host app:1.0\n', findings: [{ line: 2, column: 24 }] },
    ],
  });
});
