import { encryptionExample, SECRETBOX_PROVIDERS } from '../control-plane-examples.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'encryption',
  meta: {
    id: 'encryption/invalid-config',
    description: 'Require an EncryptionConfiguration that the API server accepts',
    rationale:
      'The API server decodes the encryption config strictly and validates it at start-up and on every reload. A typo in a field name, an overlapping wildcard or a KMS endpoint that is not a unix socket stops the API server from starting, or makes a reload fail silently while the old keys stay in use; under pressure the usual fix is to drop encryption altogether.',
    severity: 'high',
    threats: ['secret-theft', 'resource-starvation'],
    references: ['CIS Kubernetes 1.2.28', 'Kubernetes docs: Encrypting Confidential Data at Rest'],
    remediation:
      'Fix the field the finding names. List specific resources before `*.<group>` and `*.*` entries, use lower-case plural resource names, give each provider element exactly one provider, and point KMS providers at a `unix://` socket.',
    related: [{ tool: 'kube-bench', id: '1.2.28' }],
    examples: [
      {
        bad: encryptionExample(['secrets'], '      - secretbox:\n          key:\n            - name: key1\n'),
        good: encryptionExample(['secrets'], SECRETBOX_PROVIDERS),
      },
    ],
  },
  check(config, context) {
    for (const problem of config.problems()) {
      context.report({ path: problem.path, message: problem.message, key: problem.message });
    }
  },
});
