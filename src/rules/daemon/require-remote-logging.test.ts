import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './require-remote-logging.js';

describe('daemon/require-remote-logging', () => {
  testRule(rule, {
    valid: [{ name: 'journald', code: '{ "log-driver": "journald" }\n' }],
    invalid: [
      { name: 'default', code: '{ "icc": false }\n', findings: [{ line: 1, severity: 'low' }] },
      { name: 'none', code: '{ "log-driver": "none" }\n', findings: [{ line: 1, severity: 'medium' }] },
    ],
  });
});
