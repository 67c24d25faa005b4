import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './no-userland-proxy.js';

describe('daemon/no-userland-proxy', () => {
  testRule(rule, {
    valid: [],
    invalid: [{ name: 'missing', code: '{ "icc": false }\n', findings: [{ line: 1, severity: 'low' }] }],
  });
});
