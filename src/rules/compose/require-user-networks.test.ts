import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './require-user-networks.js';

describe('compose/require-user-networks', () => {
  testRule(rule, {
    valid: [
      { name: 'one service', code: 'services:\n  web:\n    image: nginx:1.27\n' },
      {
        name: 'networks per tier',
        code: 'services:\n  web:\n    image: a:1\n    networks: [front]\n  db:\n    image: b:1\n    networks:\n      back: {}\nnetworks:\n  front: {}\n  back: {}\n',
      },
      {
        name: 'only one left on the default network',
        code: 'services:\n  web:\n    image: a:1\n  db:\n    image: b:1\n    networks: [back]\nnetworks:\n  back: {}\n',
      },
      {
        name: 'network_mode counts as a choice',
        code: 'services:\n  web:\n    image: a:1\n    network_mode: host\n  db:\n    image: b:1\n    network_mode: none\n',
      },
    ],
    invalid: [
      {
        name: 'two services on the default network',
        code: 'services:\n  web:\n    image: a:1\n  db:\n    image: b:1\n  cache:\n    image: c:1\n    networks: [x]\nnetworks:\n  x: {}\n',
        findings: [
          { line: 1, column: 1, severity: 'low', path: '/services', message: /"web", "db" are all on the default network/ },
        ],
      },
    ],
  });
});
