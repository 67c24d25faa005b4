import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './no-iptables-disabled.js';

describe('daemon/no-iptables-disabled', () => {
  testRule(rule, {
    valid: [{ name: 'unset', code: '{ "icc": false }\n' }],
    invalid: [{ name: 'false', code: '{ "iptables": false }\n', findings: [{ line: 1, severity: 'medium' }] }],
  });
});
