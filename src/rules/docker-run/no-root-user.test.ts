import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './no-root-user.js';

describe('docker-run/no-root-user', () => {
  testRule(rule, {
    valid: [
      { name: 'non-root', code: '#!/bin/sh\ndocker run --user=app app:1.0\n' },
      { name: 'variable', code: '#!/bin/sh\ndocker run -u "$(id -u):$(id -g)" app:1.0\n' },
    ],
    invalid: [
      { name: '-u root', code: '#!/bin/sh\ndocker run -u root app:1.0\n', findings: [{ line: 2, column: 15, severity: 'high' }] },
      { name: 'no -u', code: '#!/bin/sh\ndocker run app:1.0\n', findings: [{ line: 2, column: 1, severity: 'low' }] },
    ],
  });
});
