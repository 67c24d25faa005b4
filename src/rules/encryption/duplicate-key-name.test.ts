import { describe } from 'vitest';
import { encryptionConfig, TEST_KEYS } from '../../testing/control-plane.js';
import { testRule } from '../../testing/index.js';
import rule from './duplicate-key-name.js';

const keys = (a: string, b: string) =>
  `      - aescbc:\n          keys:\n            - name: ${a}\n              secret: ${TEST_KEYS.a}\n            - name: ${b}\n              secret: ${TEST_KEYS.b}`;

describe('encryption/duplicate-key-name', () => {
  testRule(rule, {
    valid: [{ name: 'distinct names', code: encryptionConfig(['secrets'], keys('key2', 'key1')) }],
    invalid: [
      {
        name: 'same name twice',
        code: encryptionConfig(['secrets'], keys('key1', 'key1')),
        findings: [{ line: 11, message: /decrypts with the first \(keys\[0\]\)/ }],
      },
    ],
  });
});
