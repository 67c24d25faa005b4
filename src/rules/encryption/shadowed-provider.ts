import { storagePrefix } from '../../model/control-plane/encryption.js';
import { EXAMPLE_KEYS, encryptionExample } from '../control-plane-examples.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'encryption',
  meta: {
    id: 'encryption/shadowed-provider',
    description: 'Disallow a provider that an earlier provider of the same kind hides',
    rationale:
      'On reads the API server picks the first provider whose prefix the stored value carries (`k8s:enc:aescbc:v1:`). A second aescbc provider for the same resources, or a second KMS provider with the same name, is therefore never asked: its keys decrypt nothing, and objects they encrypted are lost. Rotations should add keys to the existing provider instead.',
    severity: 'high',
    threats: ['secret-theft'],
    references: ['Kubernetes docs: Encrypting Confidential Data at Rest'],
    remediation: 'Merge the keys into one provider element (new key first during rotation) and delete the duplicate element.',
    examples: [
      {
        bad: encryptionExample(
          ['secrets'],
          `      - aescbc:\n          keys:\n            - name: new\n              secret: ${EXAMPLE_KEYS.b}\n      - aescbc:\n          keys:\n            - name: old\n              secret: ${EXAMPLE_KEYS.a}\n`,
        ),
        good: encryptionExample(
          ['secrets'],
          `      - aescbc:\n          keys:\n            - name: new\n              secret: ${EXAMPLE_KEYS.b}\n            - name: old\n              secret: ${EXAMPLE_KEYS.a}\n`,
        ),
      },
    ],
  },
  check(config, context) {
    for (const entry of config.entries) {
      const seen = new Map<string, number>();
      for (const provider of entry.providers) {
        const prefix = storagePrefix(provider);
        if (!prefix) continue;
        const first = seen.get(prefix);
        if (first === undefined) {
          seen.set(prefix, provider.index);
          continue;
        }
        context.report({
          path: provider.typePath,
          message: `This ${provider.type} provider is hidden by providers[${first}], which reads every value with the prefix ${prefix}: its keys never decrypt anything.`,
        });
      }
    }
  },
});
