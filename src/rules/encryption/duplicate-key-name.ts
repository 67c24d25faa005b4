import { EXAMPLE_KEYS, encryptionExample } from '../control-plane-examples.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'encryption',
  meta: {
    id: 'encryption/duplicate-key-name',
    description: 'Disallow two keys with the same name in one provider',
    rationale:
      'Stored objects name their key (`k8s:enc:aescbc:v1:key1:`), and the API server decrypts with the first key of that name. A second key with the same name is never used for reading: if it is the one that encrypted some objects (a rotation that reused the name), those objects cannot be read any more, which is data loss.',
    severity: 'high',
    threats: ['secret-theft', 'resource-starvation'],
    references: ['Kubernetes docs: Encrypting Confidential Data at Rest (rotating a decryption key)'],
    remediation: 'Give every key a unique name, for example with the date of its creation (`greenbelt encryption rotate` does).',
    examples: [
      {
        bad: encryptionExample(
          ['secrets'],
          `      - aescbc:\n          keys:\n            - name: key1\n              secret: ${EXAMPLE_KEYS.a}\n            - name: key1\n              secret: ${EXAMPLE_KEYS.b}\n`,
        ),
        good: encryptionExample(
          ['secrets'],
          `      - aescbc:\n          keys:\n            - name: key2\n              secret: ${EXAMPLE_KEYS.b}\n            - name: key1\n              secret: ${EXAMPLE_KEYS.a}\n`,
        ),
      },
    ],
  },
  check(config, context) {
    for (const provider of config.providers) {
      const seen = new Map<string, number>();
      for (const key of provider.keys) {
        const first = seen.get(key.name);
        if (first === undefined) {
          seen.set(key.name, key.index);
          continue;
        }
        context.report({
          path: [...key.path, 'name'],
          message: `Key name "${key.name}" is used twice in this ${provider.type} provider: the API server always decrypts with the first (keys[${first}]), so anything this key encrypted is unreadable.`,
        });
      }
    }
  },
});
