import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './require-authorization-plugin.js';

describe('daemon/require-authorization-plugin', () => {
  testRule(rule, {
    valid: [
      {
        name: 'flag',
        code: '[Service]\nExecStart=/usr/bin/dockerd --authorization-plugin=opa-docker-authz\n',
        filename: 'docker.service',
      },
    ],
    invalid: [{ name: 'missing', code: '{ "icc": false }\n', findings: [{ line: 1, severity: 'info' }] }],
  });
});
