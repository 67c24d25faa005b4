import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './require-live-restore.js';

describe('daemon/require-live-restore', () => {
  testRule(rule, {
    valid: [],
    invalid: [{ name: 'missing', code: '{ "icc": false }\n', findings: [{ line: 1, severity: 'low' }] }],
  });
});
