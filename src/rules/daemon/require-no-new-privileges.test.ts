import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './require-no-new-privileges.js';

describe('daemon/require-no-new-privileges', () => {
  testRule(rule, {
    valid: [{ name: 'flag', code: '[Service]\nExecStart=/usr/bin/dockerd --no-new-privileges\n', filename: 'docker.service' }],
    invalid: [{ name: 'missing', code: '{ "icc": false }\n', findings: [{ line: 1, severity: 'medium' }] }],
  });
});
