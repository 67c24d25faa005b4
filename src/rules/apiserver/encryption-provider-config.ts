import { reportFlag } from '../../analyzers/control-plane.js';
import { planeOf } from '../../model/control-plane/index.js';
import { podExample } from '../control-plane-examples.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'apiserver',
  meta: {
    id: 'apiserver/encryption-provider-config',
    description: 'Require encryption at rest for API data (--encryption-provider-config)',
    rationale:
      'Without an encryption provider config the API server writes every Secret to etcd in plain text (base64 in JSON or protobuf is not encryption). Anyone who reads an etcd snapshot, a backup bucket, or the data directory of a control-plane disk reads every password, token and TLS key of the cluster.',
    severity: 'high',
    threats: ['secret-theft'],
    references: ['CIS Kubernetes 1.2.27', 'NSA/CISA Kubernetes Hardening: encrypt Secrets at rest'],
    remediation:
      'Write an EncryptionConfiguration (`greenbelt encryption init --provider secretbox`), mount it into the API server pod, and set `--encryption-provider-config` to its path. Then rewrite existing Secrets so they are encrypted too (see docs/encryption-at-rest.md).',
    related: [{ tool: 'kube-bench', id: '1.2.27' }],
    examples: [
      {
        bad: podExample('kube-apiserver', ['--authorization-mode=Node,RBAC']),
        good: podExample('kube-apiserver', ['--encryption-provider-config=/etc/kubernetes/enc/encryption-config.yaml']),
      },
    ],
  },
  check(apiserver, context) {
    const path = apiserver.flags.value('encryption-provider-config');
    if (path !== undefined && path.trim() !== '') return;
    const written = planeOf(apiserver)?.encryptionConfigs.flatMap((c) => (c.source ? [c.source.path] : [])) ?? [];
    const unused =
      written.length > 0
        ? ` The scan has an EncryptionConfiguration (${written.join(', ')}) that this API server does not use.`
        : '';
    reportFlag(
      context,
      apiserver,
      'encryption-provider-config',
      `${apiserver.label} has no --encryption-provider-config: Secrets are stored in etcd in plain text.${unused}`,
    );
  },
});
