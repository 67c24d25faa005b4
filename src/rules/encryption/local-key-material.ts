import { EXAMPLE_KEYS, encryptionExample } from '../control-plane-examples.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'encryption',
  meta: {
    id: 'encryption/local-key-material',
    description: 'Enforce awareness that keys written in the config file protect only against stolen etcd data',
    rationale:
      'aescbc, aesgcm and secretbox keys sit in the config file on every control-plane host. That protects an etcd backup or disk that leaks on its own, but not a compromised control-plane host: whoever reads the file there reads the keys. A KMS v2 provider keeps the key-encryption key in an external KMS that can be audited, restricted and revoked.',
    severity: 'info',
    threats: ['secret-theft'],
    references: [
      'Kubernetes docs: Encrypting Confidential Data at Rest (providers table)',
      'Kubernetes docs: Using a KMS provider for data encryption',
    ],
    remediation:
      'Use a KMS v2 provider backed by your cloud KMS or HSM; keep the config file readable by root only (mode 0600) until then.',
    examples: [
      {
        bad: encryptionExample(
          ['secrets'],
          `      - secretbox:\n          keys:\n            - name: key1\n              secret: ${EXAMPLE_KEYS.a}\n`,
        ),
        good: encryptionExample(
          ['secrets'],
          '      - kms:\n          apiVersion: v2\n          name: cloud-kms\n          endpoint: unix:///var/run/kms/plugin.sock\n          timeout: 3s\n',
        ),
      },
    ],
  },
  check(config, context) {
    for (const provider of config.providers) {
      if (provider.type !== 'aescbc' && provider.type !== 'aesgcm' && provider.type !== 'secretbox') continue;
      if (provider.keys.length === 0) continue;
      context.report({
        path: provider.typePath,
        message: `The ${provider.type} keys are stored in this file: they protect a leaked etcd backup, not a compromised control-plane host. A KMS v2 provider keeps the key outside the host.`,
      });
    }
  },
});
