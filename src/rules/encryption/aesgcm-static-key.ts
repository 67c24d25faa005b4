import { EXAMPLE_KEYS, encryptionExample, SECRETBOX_PROVIDERS } from '../control-plane-examples.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'encryption',
  meta: {
    id: 'encryption/aesgcm-static-key',
    description: 'Disallow aesgcm with static keys as the encrypting provider',
    rationale:
      'aesgcm uses a random 96-bit nonce with a fixed key. After about two hundred thousand writes under one key the chance of a repeated nonce is no longer negligible, and one repetition reveals the authentication key and lets an attacker forge stored values. Kubernetes documents aesgcm as requiring automated rotation; almost nobody rotates that often.',
    severity: 'medium',
    threats: ['secret-theft'],
    references: [
      'Kubernetes docs: Encrypting Confidential Data at Rest (providers table)',
      'NIST SP 800-38D: 8.3',
      'CIS Kubernetes 1.2.28',
    ],
    remediation:
      'Use KMS v2 (which derives a fresh key per data-encryption key) or secretbox; if aesgcm stays, rotate its key automatically well before 200,000 writes.',
    examples: [
      {
        bad: encryptionExample(
          ['secrets'],
          `      - aesgcm:\n          keys:\n            - name: key1\n              secret: ${EXAMPLE_KEYS.a}\n`,
        ),
        good: encryptionExample(['secrets'], SECRETBOX_PROVIDERS),
      },
    ],
  },
  check(config, context) {
    for (const entry of config.entries) {
      const first = entry.providers[0];
      if (first?.type !== 'aesgcm') continue;
      context.report({
        path: first.typePath,
        message: `aesgcm encrypts new writes with a static key: it must be rotated before about 200,000 writes, or nonce reuse exposes the key. Prefer KMS v2 or secretbox.`,
      });
    }
  },
});
