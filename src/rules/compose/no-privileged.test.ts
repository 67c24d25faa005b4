import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './no-privileged.js';

describe('compose/no-privileged', () => {
  testRule(rule, {
    valid: [
      { name: 'not set', code: 'services:\n  web:\n    image: nginx:1.27\n' },
      { name: 'false', code: 'services:\n  web:\n    image: nginx:1.27\n    privileged: false\n' },
    ],
    invalid: [
      {
        name: 'privileged: true',
        code: 'services:\n  web:\n    image: nginx:1.27\n    privileged: true\n',
        findings: [{ line: 4, column: 5, severity: 'critical', path: '/services/web/privileged' }],
      },
      {
        name: 'second service',
        code: 'services:\n  web:\n    image: nginx:1.27\n  agent:\n    image: agent:1\n    privileged: true\n',
        findings: [{ line: 6, message: /Service "agent" runs privileged/ }],
      },
    ],
  });
});
