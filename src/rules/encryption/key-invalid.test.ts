import { describe } from 'vitest';
import { encryptionConfig, SECRETBOX_FIRST, TEST_KEYS } from '../../testing/control-plane.js';
import { testRule } from '../../testing/index.js';
import rule from './key-invalid.js';

const key = (provider: string, secret: string) =>
  `      - ${provider}:\n          keys:\n            - name: key1\n              secret: ${secret}`;

describe('encryption/key-invalid', () => {
  testRule(rule, {
    valid: [
      { name: '32-byte secretbox key', code: encryptionConfig(['secrets'], SECRETBOX_FIRST) },
      { name: '16-byte aescbc key', code: encryptionConfig(['secrets'], key('aescbc', TEST_KEYS.aes128)) },
    ],
    invalid: [
      {
        name: 'secretbox needs 32 bytes',
        code: encryptionConfig(['secrets'], key('secretbox', TEST_KEYS.aes128)),
        findings: [{ line: 10, column: 15, message: /decodes to 16 bytes; secretbox needs 32/ }],
      },
      {
        name: 'URL-safe base64',
        code: encryptionConfig(['secrets'], key('aescbc', 'qkkNItSpNNagR7UCVrRUozYfH4U8cWpWuFaMbaFHMWQ-')),
        findings: [{ line: 10, message: /URL-safe/ }],
      },
      {
        name: 'missing padding',
        code: encryptionConfig(['secrets'], key('aescbc', 'qkkNItSpNNagR7UCVrRUozYfH4U8cWpWuFaMbaFHMWQ')),
        findings: [{ line: 10, message: /not valid standard base64/ }],
      },
      {
        name: 'a newline made 33 bytes',
        code: encryptionConfig(['secrets'], key('aescbc', Buffer.from('0123456789abcdef0123456789abcdef\n').toString('base64'))),
        findings: [{ line: 10, message: /ends with a newline/ }],
      },
      {
        name: 'empty secret',
        code: encryptionConfig(['secrets'], key('aesgcm', '""')),
        findings: [{ line: 10, message: /has no secret/ }],
      },
    ],
  });
});
