import { describe } from 'vitest';
import { encryptionConfig, TEST_KEYS } from '../../testing/control-plane.js';
import { testRule } from '../../testing/index.js';
import rule from './shadowed-provider.js';

const two = (a: string, b: string) =>
  `      - ${a}:\n          keys:\n            - name: new\n              secret: ${TEST_KEYS.b}\n      - ${b}:\n          keys:\n            - name: old\n              secret: ${TEST_KEYS.a}`;

describe('encryption/shadowed-provider', () => {
  testRule(rule, {
    valid: [{ name: 'secretbox then aescbc (migration)', code: encryptionConfig(['secrets'], two('secretbox', 'aescbc')) }],
    invalid: [
      {
        name: 'two aescbc elements',
        code: encryptionConfig(['secrets'], two('aescbc', 'aescbc')),
        findings: [{ line: 11, message: /hidden by providers\[0\]/ }],
      },
      {
        name: 'two KMS providers with one name',
        code: encryptionConfig(
          ['secrets'],
          '      - kms:\n          apiVersion: v2\n          name: k\n          endpoint: unix:///a.sock\n          timeout: 3s\n      - kms:\n          apiVersion: v2\n          name: k\n          endpoint: unix:///b.sock\n          timeout: 3s',
        ),
        findings: [{ line: 12 }],
      },
    ],
  });
});
