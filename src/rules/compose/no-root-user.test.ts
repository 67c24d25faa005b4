import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './no-root-user.js';

describe('compose/no-root-user', () => {
  testRule(rule, {
    valid: [
      { name: 'non-root', code: 'services:\n  web:\n    image: app:1.0\n    user: app\n' },
      { name: 'variable', code: 'services:\n  web:\n    image: app:1.0\n    user: "${UID}:${GID}"\n' },
    ],
    invalid: [
      {
        name: 'root',
        code: 'services:\n  web:\n    image: app:1.0\n    user: "0:0"\n',
        findings: [{ line: 4, column: 5, severity: 'high' }],
      },
      {
        name: 'no user',
        code: 'services:\n  web:\n    image: app:1.0\n',
        findings: [{ line: 2, severity: 'low', message: /sets no user/ }],
      },
    ],
  });
});
