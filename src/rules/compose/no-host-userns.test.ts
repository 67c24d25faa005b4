import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './no-host-userns.js';

describe('compose/no-host-userns', () => {
  testRule(rule, {
    valid: [{ name: 'not set', code: 'services:\n  web:\n    image: app:1.0\n' }],
    invalid: [
      {
        name: 'userns_mode: host',
        code: 'services:\n  web:\n    image: app:1.0\n    userns_mode: host\n',
        findings: [{ line: 4, column: 5, severity: 'medium', path: '/services/web/userns_mode' }],
      },
    ],
  });
});
