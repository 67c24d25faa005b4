import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './require-healthcheck.js';

describe('dockerfile/require-healthcheck', () => {
  testRule(rule, {
    valid: [
      { name: 'HEALTHCHECK', code: 'FROM nginx:1.27\nHEALTHCHECK --interval=30s CMD curl -f http://localhost/ || exit 1\n' },
      { name: 'HEALTHCHECK NONE is a decision', code: 'FROM nginx:1.27\nHEALTHCHECK NONE\n' },
      { name: 'inherited from an earlier stage', code: 'FROM nginx:1.27 AS base\nHEALTHCHECK CMD true\nFROM base\n' },
    ],
    invalid: [
      { name: 'none', code: 'FROM nginx:1.27\nCOPY a /a\n', findings: [{ line: 1, column: 1, severity: 'low' }] },
      {
        name: 'only in a build stage',
        code: 'FROM nginx:1.27 AS b\nHEALTHCHECK CMD true\nFROM nginx:1.27\n',
        findings: [{ line: 3 }],
      },
    ],
  });
});
