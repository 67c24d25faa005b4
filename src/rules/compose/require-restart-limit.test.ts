import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './require-restart-limit.js';

describe('compose/require-restart-limit', () => {
  testRule(rule, {
    valid: [
      { name: 'none', code: 'services:\n  web:\n    image: app:1.0\n' },
      {
        name: 'deploy policy with a maximum',
        code: 'services:\n  web:\n    image: app:1.0\n    deploy:\n      restart_policy:\n        condition: on-failure\n        max_attempts: 3\n',
      },
      { name: 'no', code: 'services:\n  web:\n    image: app:1.0\n    restart: "no"\n' },
    ],
    invalid: [
      {
        name: 'always',
        code: 'services:\n  web:\n    image: app:1.0\n    restart: always\n',
        findings: [{ line: 4, column: 5, severity: 'low' }],
      },
      {
        name: 'unless-stopped',
        code: 'services:\n  web:\n    image: app:1.0\n    restart: unless-stopped\n',
        findings: [{ line: 4 }],
      },
    ],
  });
});
