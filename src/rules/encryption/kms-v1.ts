import { versionAtLeast } from '../../model/control-plane/flags.js';
import { encryptionExample } from '../control-plane-examples.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'encryption',
  meta: {
    id: 'encryption/kms-v1',
    description: 'Disallow the deprecated KMS v1 provider; use KMS v2',
    rationale:
      'KMS v1 calls the KMS plugin for every object it decrypts, caches plaintext data keys, and is deprecated since Kubernetes 1.28; since 1.29 the API server refuses to start with it unless the KMSv1 feature gate is turned on. KMS v2 is faster, rotates data keys automatically and reports key changes.',
    severity: 'medium',
    threats: ['secret-theft', 'resource-starvation'],
    references: ['Kubernetes docs: Using a KMS provider for data encryption', 'KEP-3299: KMS v2'],
    remediation:
      'Run a KMS v2 plugin and add it first with `apiVersion: v2`; keep the v1 provider second until every object is rewritten, then remove it.',
    examples: [
      {
        bad: encryptionExample(
          ['secrets'],
          '      - kms:\n          name: vault\n          endpoint: unix:///var/run/kms/vault.sock\n          cachesize: 1000\n          timeout: 3s\n',
        ),
        good: encryptionExample(
          ['secrets'],
          '      - kms:\n          apiVersion: v2\n          name: vault\n          endpoint: unix:///var/run/kms/vault.sock\n          timeout: 3s\n',
        ),
      },
    ],
  },
  check(config, context) {
    const version = context.settings.kubernetesVersion;
    for (const provider of config.providers) {
      if (provider.type !== 'kms' || provider.kms?.apiVersion !== 'v1') continue;
      const implicit = provider.kms.apiVersionSet ? '' : ' (no apiVersion means v1)';
      const effect = versionAtLeast(version, '1.29')
        ? `: Kubernetes ${version} refuses to start with it unless the KMSv1 feature gate is on`
        : versionAtLeast(version, '1.28')
          ? ': it is deprecated'
          : '';
      context.report({
        path: provider.kms.apiVersionSet ? [...provider.typePath, 'apiVersion'] : provider.typePath,
        message: `KMS provider "${provider.kms.name}" uses KMS v1${implicit}${effect}; move to KMS v2.`,
      });
    }
  },
});
