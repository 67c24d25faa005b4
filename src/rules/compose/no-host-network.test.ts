import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './no-host-network.js';

describe('compose/no-host-network', () => {
  testRule(rule, {
    valid: [
      { name: 'not set', code: 'services:\n  web:\n    image: app:1.0\n' },
      { name: "another service's namespace", code: 'services:\n  web:\n    image: app:1.0\n    network_mode: "service:db"\n' },
    ],
    invalid: [
      {
        name: 'network_mode: host',
        code: 'services:\n  web:\n    image: app:1.0\n    network_mode: host\n',
        findings: [{ line: 4, column: 5, severity: 'high', path: '/services/web/network_mode' }],
      },
    ],
  });
});
