import { KEY_LENGTHS } from '../../model/control-plane/encryption.js';
import { encryptionExample, SECRETBOX_PROVIDERS } from '../control-plane-examples.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'encryption',
  meta: {
    id: 'encryption/key-trailing-newline',
    description: 'Disallow keys that are text with a newline encoded into them (`echo` without `-n`)',
    rationale:
      '`echo mypassword | base64` encodes the newline too. When the text plus newline happens to have a valid length (15, 23 or 31 characters), the API server accepts it: the cluster is then encrypted with a short, guessable passphrase, and anyone who re-creates the key with `echo -n` gets a different key that decrypts nothing.',
    severity: 'high',
    threats: ['secret-theft'],
    references: ['Kubernetes docs: Encrypting Confidential Data at Rest', 'CIS Kubernetes 1.2.28'],
    remediation: 'Rotate to a random key made with `head -c 32 /dev/urandom | base64` (`greenbelt encryption rotate`).',
    overlaps: ['encryption/key-not-random'],
    examples: [
      {
        bad: encryptionExample(
          ['secrets'],
          '      - aescbc:\n          keys:\n            - name: key1\n              secret: ZmlmdGVlbi1jaGFycyEhCg==\n',
        ),
        good: encryptionExample(['secrets'], SECRETBOX_PROVIDERS),
      },
    ],
  },
  check(config, context) {
    for (const key of config.keys) {
      const type = key.provider.type;
      if ((type !== 'aescbc' && type !== 'aesgcm' && type !== 'secretbox') || !key.decoded) continue;
      const bytes = key.decoded;
      if (!KEY_LENGTHS[type].includes(bytes.length) || bytes[bytes.length - 1] !== 0x0a) continue;
      const body = bytes.subarray(0, bytes.length - 1);
      if (!body.every((b) => b >= 0x20 && b < 0x7f)) continue;
      context.report({
        path: [...key.path, 'secret'],
        message: `Key "${key.name}" of the ${type} provider is ${body.length} characters of text followed by a newline (echo without -n): a guessable passphrase, not random key material.`,
      });
    }
  },
});
