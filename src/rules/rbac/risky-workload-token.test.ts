import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './risky-workload-token.js';

const grant = (role: string) => `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: { name: web, namespace: shop }
roleRef: { apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: ${role} }
subjects: [{ kind: ServiceAccount, name: web }]
---
`;

const pod = (spec: string) => `apiVersion: v1
kind: Pod
metadata: { name: web, namespace: shop }
spec:
${spec}
  containers:
    - name: web
      image: nginx:1.27
`;

describe('rbac/risky-workload-token', () => {
  testRule(rule, {
    valid: [
      { name: 'read-only account', code: grant('view') + pod('  serviceAccountName: web') },
      {
        name: 'token not mounted',
        code: grant('admin') + pod('  serviceAccountName: web\n  automountServiceAccountToken: false'),
      },
      {
        name: 'token not mounted by the ServiceAccount',
        code: `${grant('admin')}apiVersion: v1\nkind: ServiceAccount\nmetadata: { name: web, namespace: shop }\nautomountServiceAccountToken: false\n---\n${pod('  serviceAccountName: web')}`,
      },
    ],
    invalid: [
      {
        name: 'admin in the namespace',
        code: grant('admin') + pod('  serviceAccountName: web'),
        findings: [
          {
            line: 11,
            column: 3,
            severity: 'high',
            message: /Pod\/shop\/web mount the token of ServiceAccount shop\/web, which can .*root on a node/,
          },
        ],
      },
      {
        name: 'the default service account, pointed at the pod spec',
        code: grant('edit').replace('name: web }]', 'name: default }]') + pod('  hostname: web'),
        findings: [{ line: 10, severity: 'high', message: /ServiceAccount shop\/default/ }],
      },
    ],
  });
});
