import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './require-icc-disabled.js';

describe('daemon/require-icc-disabled', () => {
  testRule(rule, {
    valid: [
      { name: 'flag in the unit', code: '[Service]\nExecStart=/usr/bin/dockerd --icc=false\n', filename: 'docker.service' },
    ],
    invalid: [
      {
        name: 'missing',
        code: '{\n  "live-restore": true\n}\n',
        findings: [{ line: 1, column: 1, severity: 'medium', path: '' }],
      },
      { name: 'true', code: '{ "icc": true }\n', findings: [{ line: 1, path: '/icc' }] },
    ],
  });
});
