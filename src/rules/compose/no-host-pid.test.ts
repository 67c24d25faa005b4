import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './no-host-pid.js';

describe('compose/no-host-pid', () => {
  testRule(rule, {
    valid: [
      { name: 'not set', code: 'services:\n  web:\n    image: app:1.0\n' },
      { name: "another service's namespace", code: 'services:\n  web:\n    image: app:1.0\n    pid: "service:db"\n' },
    ],
    invalid: [
      {
        name: 'pid: host',
        code: 'services:\n  web:\n    image: app:1.0\n    pid: host\n',
        findings: [{ line: 4, column: 5, severity: 'high', path: '/services/web/pid' }],
      },
    ],
  });
});
