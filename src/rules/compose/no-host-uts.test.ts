import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './no-host-uts.js';

describe('compose/no-host-uts', () => {
  testRule(rule, {
    valid: [{ name: 'not set', code: 'services:\n  web:\n    image: app:1.0\n' }],
    invalid: [
      {
        name: 'uts: host',
        code: 'services:\n  web:\n    image: app:1.0\n    uts: host\n',
        findings: [{ line: 4, column: 5, severity: 'medium', path: '/services/web/uts' }],
      },
    ],
  });
});
