import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './no-insecure-registries.js';

describe('daemon/no-insecure-registries', () => {
  testRule(rule, {
    valid: [{ name: 'empty list', code: '{ "insecure-registries": [] }\n' }],
    invalid: [
      { name: 'list', code: '{\n  "insecure-registries": ["10.0.0.8:5000"]\n}\n', findings: [{ line: 2, severity: 'high' }] },
      {
        name: 'flag',
        code: '[Service]\nExecStart=/usr/bin/dockerd --insecure-registry registry.lan:5000\n',
        filename: 'docker.service',
        findings: [{ line: 2, column: 48 }],
      },
    ],
  });
});
