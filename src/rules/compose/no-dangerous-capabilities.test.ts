import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './no-dangerous-capabilities.js';

describe('compose/no-dangerous-capabilities', () => {
  testRule(rule, {
    valid: [
      {
        name: 'default capability re-added',
        code: 'services:\n  web:\n    image: app:1.0\n    cap_add: [CHOWN, NET_BIND_SERVICE]\n',
      },
      { name: 'none', code: 'services:\n  web:\n    image: app:1.0\n' },
    ],
    invalid: [
      {
        name: 'graded',
        code: 'services:\n  web:\n    image: app:1.0\n    cap_add:\n      - cap_sys_admin\n      - NET_ADMIN\n      - IPC_LOCK\n',
        findings: [
          { line: 5, severity: 'critical', message: /CAP_SYS_ADMIN/ },
          { line: 6, severity: 'high' },
          { line: 7, severity: 'medium' },
        ],
      },
      {
        name: 'ALL',
        code: 'services:\n  web:\n    image: app:1.0\n    cap_add: ["ALL"]\n',
        findings: [{ line: 4, severity: 'critical', message: /ALL capabilities/ }],
      },
    ],
  });
});
