import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './require-read-only.js';

describe('compose/require-read-only', () => {
  testRule(rule, {
    valid: [{ name: 'read_only', code: 'services:\n  web:\n    image: app:1.0\n    read_only: true\n' }],
    invalid: [
      { name: 'missing', code: 'services:\n  web:\n    image: app:1.0\n', findings: [{ line: 2, severity: 'low' }] },
      {
        name: 'false',
        code: 'services:\n  web:\n    image: app:1.0\n    read_only: false\n',
        findings: [{ line: 4, path: '/services/web/read_only' }],
      },
    ],
  });
});
