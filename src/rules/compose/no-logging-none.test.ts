import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './no-logging-none.js';

describe('compose/no-logging-none', () => {
  testRule(rule, {
    valid: [{ name: 'default', code: 'services:\n  web:\n    image: app:1.0\n' }],
    invalid: [
      {
        name: 'none',
        code: 'services:\n  web:\n    image: app:1.0\n    logging:\n      driver: "none"\n',
        findings: [{ line: 5, column: 7, severity: 'medium', path: '/services/web/logging/driver' }],
      },
    ],
  });
});
