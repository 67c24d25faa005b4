import { describe } from 'vitest';
import { encryptionConfig, SECRETBOX_FIRST } from '../../testing/control-plane.js';
import { testRule } from '../../testing/index.js';
import rule from './key-trailing-newline.js';

const key = (provider: string, text: string) =>
  `      - ${provider}:\n          keys:\n            - name: key1\n              secret: ${Buffer.from(text).toString('base64')}`;
// A random key that happens to end in 0x0a is not text: not reported.
const random = Buffer.from('qkkNItSpNNagR7UCVrRUozYfH4U8cWpWuFaMbaFHMWQ=', 'base64');
random[31] = 0x0a;

describe('encryption/key-trailing-newline', () => {
  testRule(rule, {
    valid: [
      { name: 'random key', code: encryptionConfig(['secrets'], SECRETBOX_FIRST) },
      {
        name: 'random key ending in 0x0a',
        code: encryptionConfig(
          ['secrets'],
          `      - secretbox:\n          keys:\n            - name: key1\n              secret: ${random.toString('base64')}`,
        ),
      },
    ],
    invalid: [
      {
        name: 'echo of 15 characters for aescbc',
        code: encryptionConfig(['secrets'], key('aescbc', 'fifteen-chars!!\n')),
        findings: [{ line: 10, message: /15 characters of text followed by a newline/ }],
      },
      {
        name: 'echo of 31 characters for secretbox',
        code: encryptionConfig(['secrets'], key('secretbox', 'thirty-one-characters-of-text!!\n')),
        findings: [{ line: 10 }],
      },
    ],
  });
});
