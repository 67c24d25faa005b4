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
      {
        name: 'safe from Pod Security policy v1.37',
        code: 'services:\n  web:\n    image: app:1.0\n    sysctls:\n      net.ipv4.tcp_notsent_lowat: 16384\n',
      },
    ],
    invalid: [
      {
        name: 'map form',
        code: 'services:\n  web:\n    image: app:1.0\n    sysctls:\n      net.ipv4.ip_forward: 1\n      kernel.msgmax: 65536\n',
        findings: [
          { line: 5, column: 7, severity: 'medium', message: /router/ },
          { line: 6, message: /IPC limits/ },
        ],
      },
      {
        name: 'node-level, and a namespace shared with the host',
        code: 'services:\n  web:\n    image: app:1.0\n    network_mode: host\n    sysctls:\n      vm.swappiness: 10\n      net.ipv4.tcp_syncookies: 1\n',
        findings: [
          { line: 6, severity: 'medium', message: /not namespaced, so it would change the kernel of the whole host/ },
          { line: 7, severity: 'medium', message: /shares the host's network namespace/ },
        ],
      },
    ],
  });
});
