import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './no-selinux-disabled.js';

describe('daemon/no-selinux-disabled', () => {
  testRule(rule, {
    valid: [{ name: 'not set', code: '{ "icc": false }\n' }],
    invalid: [
      { name: 'false', code: '{ "selinux-enabled": false }\n', findings: [{ line: 1, severity: 'medium' }] },
      {
        name: 'flag',
        code: '[Service]\nExecStart=/usr/bin/dockerd --selinux-enabled=false\n',
        filename: 'docker.service',
        findings: [{ line: 2 }],
      },
    ],
  });
});
