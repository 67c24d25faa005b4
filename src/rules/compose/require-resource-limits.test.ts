import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './require-resource-limits.js';

describe('compose/require-resource-limits', () => {
  testRule(rule, {
    valid: [
      {
        name: 'legacy keys',
        code: 'services:\n  web:\n    image: app:1.0\n    mem_limit: 256m\n    cpus: 0.5\n    pids_limit: 100\n',
      },
    ],
    invalid: [
      {
        name: 'none',
        code: 'services:\n  web:\n    image: app:1.0\n',
        findings: [{ line: 2, column: 3, severity: 'medium', message: /no memory, cpus, pids limit/ }],
      },
      {
        name: 'memory only',
        code: 'services:\n  web:\n    image: app:1.0\n    mem_limit: 1g\n',
        findings: [{ line: 2, message: /no cpus, pids limit/ }],
      },
    ],
  });
});
