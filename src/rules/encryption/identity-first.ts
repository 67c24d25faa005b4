import { sensitiveResolutions } from '../../analyzers/control-plane.js';
import { type EncryptionProvider, formatGroupResource } from '../../model/control-plane/encryption.js';
import { EXAMPLE_KEYS, encryptionExample, SECRETBOX_PROVIDERS } from '../control-plane-examples.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'encryption',
  meta: {
    id: 'encryption/identity-first',
    description: 'Disallow identity as the first provider of a sensitive resource',
    rationale:
      'The first provider of a resource encrypts every new write; the others only decrypt. With identity first, new and updated Secrets are written to etcd in plain text even though keys are configured, which is the state the config is meant to prevent and looks protected at a glance.',
    severity: 'critical',
    threats: ['secret-theft'],
    references: ['CIS Kubernetes 1.2.28', 'Kubernetes docs: Encrypting Confidential Data at Rest'],
    remediation:
      'Put the encrypting provider (kms v2, secretbox or aescbc) first and identity last; identity stays only to read objects written before encryption, until they have been rewritten.',
    related: [{ tool: 'kube-bench', id: '1.2.28' }],
    examples: [
      {
        bad: encryptionExample(
          ['secrets'],
          `      - identity: {}\n      - aescbc:\n          keys:\n            - name: key1\n              secret: ${EXAMPLE_KEYS.a}\n`,
        ),
        good: encryptionExample(['secrets'], SECRETBOX_PROVIDERS),
      },
    ],
  },
  check(config, context) {
    const reported = new Map<EncryptionProvider, string[]>();
    for (const { name, resolution } of sensitiveResolutions(config, context.settings.encryption.sensitiveResources)) {
      const first = resolution?.providers[0];
      if (!resolution || first?.type !== 'identity') continue;
      const via =
        resolution.match === 'exact'
          ? ''
          : ` (through "${formatGroupResource(resolution.names[0]?.gr ?? { group: '*', resource: '*' })}")`;
      const list = reported.get(first) ?? [];
      list.push(`${name}${via}`);
      reported.set(first, list);
    }
    for (const [provider, names] of reported) {
      context.report({
        path: provider.path,
        message: `identity is the first provider for ${names.join(', ')}: new writes are stored in etcd in plain text.`,
      });
    }
  },
});
