import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './no-tcp-on-all-interfaces.js';

describe('daemon/no-tcp-on-all-interfaces', () => {
  testRule(rule, {
    valid: [
      { name: 'no TLS: the other rule', code: '{ "hosts": ["tcp://0.0.0.0:2375"] }\n' },
      { name: 'specific address', code: '{ "hosts": ["tcp://192.168.1.10:2376"], "tlsverify": true }\n' },
    ],
    invalid: [
      {
        name: 'IPv6 any',
        code: '{ "hosts": ["tcp://[::]:2376"], "tlsverify": true }\n',
        findings: [{ line: 1, severity: 'high' }],
      },
    ],
  });
});
