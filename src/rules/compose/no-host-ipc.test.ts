import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './no-host-ipc.js';

describe('compose/no-host-ipc', () => {
  testRule(rule, {
    valid: [
      { name: 'not set', code: 'services:\n  web:\n    image: app:1.0\n' },
      { name: "another service's namespace", code: 'services:\n  web:\n    image: app:1.0\n    ipc: "service:db"\n' },
    ],
    invalid: [
      {
        name: 'ipc: host',
        code: 'services:\n  web:\n    image: app:1.0\n    ipc: host\n',
        findings: [{ line: 4, column: 5, severity: 'high', path: '/services/web/ipc' }],
      },
    ],
  });
});
