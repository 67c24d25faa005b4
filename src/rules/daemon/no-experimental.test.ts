import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './no-experimental.js';

describe('daemon/no-experimental', () => {
  testRule(rule, {
    valid: [{ name: 'unset', code: '{ "icc": false }\n' }],
    invalid: [{ name: 'on', code: '{ "experimental": true }\n', findings: [{ line: 1, severity: 'low' }] }],
  });
});
