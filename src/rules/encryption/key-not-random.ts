import { KEY_LENGTHS } from '../../model/control-plane/encryption.js';
import { encryptionExample, SECRETBOX_PROVIDERS } from '../control-plane-examples.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'encryption',
  meta: {
    id: 'encryption/key-not-random',
    description: 'Require keys to be random bytes, not text or a repeated pattern',
    rationale:
      'A key must be random bytes. A key that decodes to printable text (a passphrase, a hex or base64 string encoded once more) or to a handful of repeated bytes has a tiny fraction of the strength its length suggests: an attacker with an etcd backup can guess it offline.',
    severity: 'medium',
    threats: ['secret-theft'],
    references: ['Kubernetes docs: Encrypting Confidential Data at Rest', 'NIST SP 800-133: key generation'],
    remediation: 'Rotate to a random key made with `head -c 32 /dev/urandom | base64` (`greenbelt encryption rotate`).',
    examples: [
      {
        bad: encryptionExample(
          ['secrets'],
          '      - secretbox:\n          keys:\n            - name: key1\n              secret: YS1wYXNzcGhyYXNlLW9mLTMyLWNoYXJhY3RlcnMteHg=\n',
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
      if (!KEY_LENGTHS[type].includes(bytes.length)) continue;
      const printable = bytes.every((b) => (b >= 0x20 && b < 0x7f) || b === 0x0a);
      const distinct = new Set(bytes).size;
      if (!printable && distinct >= 8) continue;
      context.report({
        path: [...key.path, 'secret'],
        message: printable
          ? `Key "${key.name}" of the ${type} provider decodes to printable text, not random bytes: it is a passphrase or an encoded string, far weaker than its length.`
          : `Key "${key.name}" of the ${type} provider has only ${distinct} distinct byte values: it is a pattern, not random bytes.`,
      });
    }
  },
});
