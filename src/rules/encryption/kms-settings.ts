import { encryptionExample } from '../control-plane-examples.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'encryption',
  meta: {
    id: 'encryption/kms-settings',
    description: 'Require KMS providers to set an explicit timeout',
    rationale:
      "Every read and write of an encrypted resource can wait on the KMS plugin. Without an explicit timeout the API server uses 3 seconds, which is too long for a local plugin under load (requests pile up) and may be too short for a remote KMS; the API server's health check (/healthz/kms-providers) and the timeout are the only signals that the plugin is failing.",
    severity: 'low',
    threats: ['resource-starvation'],
    references: ['Kubernetes docs: Using a KMS provider for data encryption'],
    remediation:
      'Set `timeout` on each KMS provider to what the plugin needs (for example 3s), and alert on /healthz/kms-providers.',
    examples: [
      {
        bad: encryptionExample(
          ['secrets'],
          '      - kms:\n          apiVersion: v2\n          name: vault\n          endpoint: unix:///var/run/kms/vault.sock\n',
        ),
        good: encryptionExample(
          ['secrets'],
          '      - kms:\n          apiVersion: v2\n          name: vault\n          endpoint: unix:///var/run/kms/vault.sock\n          timeout: 3s\n',
        ),
      },
    ],
  },
  check(config, context) {
    for (const provider of config.providers) {
      if (provider.type !== 'kms' || !provider.kms || provider.kms.timeoutText !== undefined) continue;
      context.report({
        path: provider.typePath,
        message: `KMS provider "${provider.kms.name}" sets no timeout: the API server waits up to 3s (the default) on the plugin for every encrypted read and write.`,
      });
    }
  },
});
