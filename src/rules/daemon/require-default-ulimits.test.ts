import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './require-default-ulimits.js';

describe('daemon/require-default-ulimits', () => {
  testRule(rule, {
    valid: [
      {
        name: 'flag',
        code: '[Service]\nExecStart=/usr/bin/dockerd --default-ulimit nofile=1024:4096\n',
        filename: 'docker.service',
      },
    ],
    invalid: [{ name: 'missing', code: '{ "icc": false }\n', findings: [{ line: 1, severity: 'low' }] }],
  });
});
