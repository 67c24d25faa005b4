import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './no-unconfined-seccomp.js';

describe('daemon/no-unconfined-seccomp', () => {
  testRule(rule, {
    valid: [{ name: 'default', code: '{ "icc": false }\n' }],
    invalid: [
      {
        name: 'unconfined',
        code: '{ "seccomp-profile": "unconfined" }\n',
        findings: [{ line: 1, severity: 'high', path: '/seccomp-profile' }],
      },
    ],
  });
});
