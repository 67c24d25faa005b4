import { describe } from 'vitest';
import { encryptionConfig, SECRETBOX_FIRST, TEST_KEYS } from '../../testing/control-plane.js';
import { testRule } from '../../testing/index.js';
import rule from './aesgcm-static-key.js';

const gcm = `      - aesgcm:\n          keys:\n            - name: key1\n              secret: ${TEST_KEYS.a}`;

describe('encryption/aesgcm-static-key', () => {
  testRule(rule, {
    valid: [
      { name: 'secretbox', code: encryptionConfig(['secrets'], SECRETBOX_FIRST) },
      { name: 'aesgcm kept second to read old data', code: encryptionConfig(['secrets'], `${SECRETBOX_FIRST}\n${gcm}`) },
    ],
    invalid: [{ name: 'aesgcm first', code: encryptionConfig(['secrets'], gcm), findings: [{ line: 7, column: 9 }] }],
  });
});
