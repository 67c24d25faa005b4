import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './no-unsafe-sysctls.js';

describe('compose/no-unsafe-sysctls', () => {
  testRule(rule, {
    valid: [
      {
        name: 'safe, list form',
        code: 'services:\n  web:\n    image: app:1.0\n    sysctls:\n      - net.ipv4.tcp_syncookies=1\n',
      },
    ],
    invalid: [
      {
        name: 'map form',
        code: 'services:\n  web:\n    image: app:1.0\n    sysctls:\n      net.ipv4.ip_forward: 1\n      kernel.msgmax: 65536\n',
        findings: [
          { line: 5, column: 7, severity: 'medium', message: /router/ },
          { line: 6, message: /shared with the host/ },
        ],
      },
    ],
  });
});
