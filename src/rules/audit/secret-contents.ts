import { AuditPolicy, levelAtLeast, ORDINARY_USER } from '../../model/control-plane/audit-policy.js';
import { defineRule } from '../types.js';

const SENSITIVE: readonly { group: string; resource: string; label: string }[] = [
  { group: '', resource: 'secrets', label: 'Secrets' },
  { group: '', resource: 'configmaps', label: 'ConfigMaps' },
  { group: 'authentication.k8s.io', resource: 'tokenreviews', label: 'TokenReviews' },
  { group: '', resource: 'serviceaccounts', label: 'service account tokens (serviceaccounts/token)' },
];

export default defineRule({
  target: 'k8s',
  meta: {
    id: 'audit/secret-contents',
    description: 'Disallow audit logging of Secret, ConfigMap and token request or response bodies',
    rationale:
      'At the Request or RequestResponse level the audit log records request and response bodies: every Secret read or written, every bearer token sent to a TokenReview, every token requested for a service account. The audit log is shipped to more places and kept longer than etcd, and is read by more people; it becomes a second, unencrypted copy of every credential.',
    severity: 'high',
    threats: ['secret-theft'],
    references: ['CIS Kubernetes 3.2.2', 'Kubernetes docs: Auditing (audit policy)'],
    remediation:
      'Add a rule near the top of the Policy that logs secrets, configmaps, serviceaccounts/token and tokenreviews at `level: Metadata`, before any rule that logs bodies.',
    related: [{ tool: 'kube-bench', id: '3.2.2' }],
    examples: [
      {
        bad: 'apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n  - level: RequestResponse\n',
        good: `apiVersion: audit.k8s.io/v1
kind: Policy
rules:
  - level: Metadata
    resources:
      - group: ""
        resources: [secrets, configmaps, serviceaccounts/token]
      - group: authentication.k8s.io
        resources: [tokenreviews]
  - level: RequestResponse
`,
      },
    ],
  },
  check(object, context) {
    if (!AuditPolicy.is(object)) return;
    const policy = new AuditPolicy(object);
    const byRule = new Map<string, { labels: Set<string>; path: (string | number)[]; level: string }>();
    for (const target of SENSITIVE) {
      for (const verb of ['get', 'list', 'create', 'update', 'patch']) {
        const decision = policy.decide({
          ...ORDINARY_USER,
          verb,
          group: target.group,
          resource: target.resource,
          ...(target.resource === 'serviceaccounts' ? { subresource: 'token' } : {}),
          namespace: 'default',
        });
        if (!levelAtLeast(decision.level, 'Request')) continue;
        const key = decision.path.join('/');
        const entry = byRule.get(key) ?? { labels: new Set<string>(), path: [...decision.path], level: decision.level };
        entry.labels.add(target.label);
        byRule.set(key, entry);
      }
    }
    for (const entry of byRule.values()) {
      context.report({
        path: entry.path,
        message: `This rule logs ${[...entry.labels].join(', ')} at level ${entry.level}: their contents (passwords, tokens, keys) are copied into the audit log.`,
      });
    }
  },
});
