import { EXAMPLE_KEYS, encryptionExample, SECRETBOX_PROVIDERS } from '../control-plane-examples.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'encryption',
  meta: {
    id: 'encryption/aescbc',
    description: 'Disallow aescbc as the encrypting provider; prefer KMS v2 or secretbox',
    rationale:
      'aescbc encrypts without authentication: stored values can be altered undetected, and the PKCS#7 padding check makes the construction open to padding-oracle attacks. The Kubernetes documentation no longer recommends it; KMS v2 and secretbox authenticate what they store. (CIS Kubernetes 1.2.28 still accepts aescbc: this is advice beyond the benchmark.)',
    severity: 'low',
    threats: ['secret-theft'],
    references: ['Kubernetes docs: Encrypting Confidential Data at Rest (providers table)'],
    remediation:
      'Move to KMS v2 or secretbox: add the new provider first, keep aescbc second to read old data, rewrite all Secrets, then remove aescbc.',
    examples: [
      {
        bad: encryptionExample(
          ['secrets'],
          `      - aescbc:\n          keys:\n            - name: key1\n              secret: ${EXAMPLE_KEYS.a}\n`,
        ),
        good: encryptionExample(['secrets'], SECRETBOX_PROVIDERS),
      },
    ],
  },
  check(config, context) {
    for (const entry of config.entries) {
      const first = entry.providers[0];
      if (first?.type !== 'aescbc') continue;
      context.report({
        path: first.typePath,
        message: 'aescbc encrypts new writes without authenticating them (padding-oracle prone); prefer KMS v2 or secretbox.',
      });
    }
  },
});
