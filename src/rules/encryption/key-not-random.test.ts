import { describe } from 'vitest';
import { encryptionConfig, SECRETBOX_FIRST } from '../../testing/control-plane.js';
import { testRule } from '../../testing/index.js';
import rule from './key-not-random.js';

const key = (bytes: Buffer) =>
  `      - secretbox:\n          keys:\n            - name: key1\n              secret: ${bytes.toString('base64')}`;

describe('encryption/key-not-random', () => {
  testRule(rule, {
    valid: [{ name: 'random key', code: encryptionConfig(['secrets'], SECRETBOX_FIRST) }],
    invalid: [
      {
        name: 'a 32-character passphrase',
        code: encryptionConfig(['secrets'], key(Buffer.from('a-passphrase-of-32-characters-xx'))),
        findings: [{ line: 10, message: /printable text/ }],
      },
      {
        name: 'hex text as key',
        code: encryptionConfig(['secrets'], key(Buffer.from('00112233445566778899aabbccddeeff'))),
        findings: [{ line: 10 }],
      },
      {
        name: 'all zeros',
        code: encryptionConfig(['secrets'], key(Buffer.alloc(32))),
        findings: [{ line: 10, message: /only 1 distinct byte values/ }],
      },
    ],
  });
});
