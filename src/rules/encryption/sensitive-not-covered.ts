import { sensitiveResolutions } from '../../analyzers/control-plane.js';
import { encryptionExample, SECRETBOX_PROVIDERS } from '../control-plane-examples.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'encryption',
  meta: {
    id: 'encryption/sensitive-not-covered',
    description: 'Require every sensitive resource (secrets by default) to be covered by an encryption entry',
    rationale:
      'The API server encrypts only the resources an entry matches: `secrets`, `*.` (every core resource) or `*.*`. A config that names `secret`, `Secret`, `configmaps` only, or a group wildcard of another group leaves Secrets in plain text while the cluster looks encrypted.',
    severity: 'critical',
    threats: ['secret-theft'],
    references: ['CIS Kubernetes 1.2.28', 'Kubernetes docs: Encrypting Confidential Data at Rest'],
    remediation:
      'Add `secrets` (and every resource listed under `encryption.sensitiveResources` in .greenbelt.yaml) to the `resources` list of an entry whose first provider encrypts.',
    related: [{ tool: 'kube-bench', id: '1.2.28' }],
    examples: [
      {
        bad: encryptionExample(['configmaps'], SECRETBOX_PROVIDERS),
        good: encryptionExample(['secrets', 'configmaps'], SECRETBOX_PROVIDERS),
      },
    ],
  },
  check(config, context) {
    const names = config.entries.flatMap((e) => e.resources);
    for (const { name, gr, resolution } of sensitiveResolutions(config, context.settings.encryption.sensitiveResources)) {
      if (resolution) continue;
      const near = names.find((n) => {
        const text = n.text.toLowerCase().replace(/\.$/, '');
        return (
          text === gr.resource || text === gr.resource.replace(/s$/, '') || (text.startsWith(gr.resource) && text !== gr.resource)
        );
      });
      const hint = near
        ? ` "${near.text}" does not match it: resource names are lower-case plurals, optionally with .group.`
        : '';
      context.report({
        ...(near ? { path: near.path } : { path: ['resources'] }),
        key: name,
        message: `No entry covers ${name}: the API server stores them in etcd in plain text.${hint}`,
      });
    }
  },
});
