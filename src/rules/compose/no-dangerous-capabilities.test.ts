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
      {
        name: 'not a capability (Docker refuses it)',
        code: 'services:\n  web:\n    image: app:1.0\n    cap_add: [SUPERPOWER]\n',
      },
    ],
    invalid: [
      {
        name: 'graded',
        code: 'services:\n  web:\n    image: app:1.0\n    cap_add:\n      - cap_sys_admin\n      - NET_ADMIN\n      - IPC_LOCK\n',
        findings: [
          { line: 5, severity: 'critical', message: /adds SYS_ADMIN \(written "cap_sys_admin"\), which is close to full root/ },
          { line: 6, severity: 'high', message: /adds NET_ADMIN, which reconfigures interfaces/ },
          { line: 7, severity: 'low' },
        ],
      },
      {
        name: 'ALL',
        code: 'services:\n  web:\n    image: app:1.0\n    cap_add: ["ALL"]\n',
        findings: [{ line: 4, severity: 'critical', message: /adds ALL, which grants every capability/ }],
      },
      {
        name: "Docker's order: ALL survives cap_drop ALL, a named add survives a named drop",
        code: 'services:\n  web:\n    image: app:1.0\n    cap_drop: [ALL]\n    cap_add: [ALL]\n  tools:\n    image: app:1.0\n    cap_drop: [NET_RAW]\n    cap_add: [NET_RAW]\n',
        findings: [
          { line: 5, column: 15, severity: 'critical' },
          { line: 9, column: 15, severity: 'medium', message: /adds NET_RAW, which opens raw and packet sockets/ },
        ],
      },
    ],
  });
});
