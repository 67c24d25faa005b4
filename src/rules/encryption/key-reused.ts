import type { EncryptionKey } from '../../model/control-plane/encryption.js';
import { EXAMPLE_KEYS, encryptionExample } from '../control-plane-examples.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'encryption',
  meta: {
    id: 'encryption/key-reused',
    description: 'Disallow the same key material under two names or in two kinds of provider',
    rationale:
      'One key used with both AES-CBC and AES-GCM (or secretbox) breaks the assumptions each mode\'s security rests on, and the same secret under two names means a rotation that "removes the old key" still leaves it in use. Each key must be used by one provider under one name.',
    severity: 'medium',
    threats: ['secret-theft'],
    references: ['NIST SP 800-57 Part 1: a key is used for one purpose', 'Kubernetes docs: Encrypting Confidential Data at Rest'],
    remediation: 'Generate a separate random key for each provider and name; rotate away from the reused one.',
    examples: [
      {
        bad: encryptionExample(
          ['secrets'],
          `      - aesgcm:\n          keys:\n            - name: gcm1\n              secret: ${EXAMPLE_KEYS.a}\n      - aescbc:\n          keys:\n            - name: cbc1\n              secret: ${EXAMPLE_KEYS.a}\n`,
        ),
        good: encryptionExample(
          ['secrets'],
          `      - aesgcm:\n          keys:\n            - name: gcm1\n              secret: ${EXAMPLE_KEYS.a}\n      - aescbc:\n          keys:\n            - name: cbc1\n              secret: ${EXAMPLE_KEYS.b}\n`,
        ),
      },
    ],
  },
  check(config, context) {
    const byMaterial = new Map<string, EncryptionKey>();
    for (const key of config.keys) {
      if (!key.decoded || key.decoded.length === 0) continue;
      const material = key.decoded.toString('hex');
      const first = byMaterial.get(material);
      if (!first) {
        byMaterial.set(material, key);
        continue;
      }
      // The same key under the same name and kind in another resource entry is one key shared by both.
      if (first.name === key.name && first.provider.type === key.provider.type) continue;
      context.report({
        path: [...key.path, 'secret'],
        message: `Key "${key.name}" (${key.provider.type}) has the same material as key "${first.name}" (${first.provider.type}): one key must serve one provider under one name.`,
      });
    }
  },
});
