import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './no-inline-secrets.js';

describe('docker-run/no-inline-secrets', () => {
  testRule(rule, {
    valid: [{ name: 'variable', code: '#!/bin/sh\ndocker run -e "DB_PASSWORD=$DB_PASSWORD" app:1.0\n' }],
    invalid: [
      {
        name: 'literal',
        code: '#!/bin/sh\ndocker run --env API_KEY=Zx81kQ2mP0aLw9 app:1.0\n',
        findings: [{ line: 2, column: 18, severity: 'high', message: /\[redacted: 14 characters\]/ }],
      },
    ],
  });
});
