import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './require-content-trust.js';

describe('daemon/require-content-trust', () => {
  testRule(rule, {
    valid: [
      {
        name: 'unit environment',
        code: '[Service]\nEnvironment="DOCKER_CONTENT_TRUST=1"\nExecStart=/usr/bin/dockerd -H fd://\n',
        filename: 'docker.service',
      },
    ],
    invalid: [{ name: 'missing', code: '{ "icc": false }\n', findings: [{ line: 1, severity: 'info' }] }],
  });
});
