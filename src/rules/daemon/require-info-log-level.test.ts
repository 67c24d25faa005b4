import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './require-info-log-level.js';

describe('daemon/require-info-log-level', () => {
  testRule(rule, {
    valid: [
      { name: 'default', code: '{ "icc": false }\n' },
      { name: 'info', code: '{ "log-level": "INFO" }\n' },
    ],
    invalid: [
      {
        name: 'warn via flag',
        code: '[Service]\nExecStart=/usr/bin/dockerd --log-level=warn\n',
        filename: 'docker.service',
        findings: [{ line: 2, severity: 'medium' }],
      },
      { name: 'debug', code: '{ "log-level": "debug" }\n', findings: [{ line: 1, severity: 'low' }] },
    ],
  });
});
