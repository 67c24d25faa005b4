import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './require-cap-drop-all.js';

describe('compose/require-cap-drop-all', () => {
  testRule(rule, {
    valid: [
      { name: 'drop all, lower case', code: 'services:\n  web:\n    image: app:1.0\n    cap_drop:\n      - all\n' },
      { name: 'privileged is another rule', code: 'services:\n  web:\n    image: app:1.0\n    privileged: true\n' },
    ],
    invalid: [
      {
        name: 'no cap_drop',
        code: 'services:\n  web:\n    image: app:1.0\n',
        findings: [{ line: 2, column: 3, severity: 'low', path: '/services/web' }],
      },
      {
        name: 'dropping some only',
        code: 'services:\n  web:\n    image: app:1.0\n    cap_drop: [NET_RAW]\n',
        findings: [{ line: 2 }],
      },
    ],
  });
});
