import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './no-cluster-admin-binding.js';

const binding = (kind: string, role: string, subject: string) => `apiVersion: rbac.authorization.k8s.io/v1
kind: ${kind}
metadata:
  name: b
  namespace: app
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: ${role}
subjects:
  - ${subject}
`;

describe('rbac/no-cluster-admin-binding', () => {
  testRule(rule, {
    valid: [
      { name: 'system:masters', code: binding('ClusterRoleBinding', 'cluster-admin', '{ kind: Group, name: system:masters }') },
      { name: 'admin is not everything', code: binding('ClusterRoleBinding', 'admin', '{ kind: User, name: ann }') },
    ],
    invalid: [
      {
        name: 'service account',
        code: binding('ClusterRoleBinding', 'cluster-admin', '{ kind: ServiceAccount, name: ci, namespace: ci }'),
        findings: [
          { line: 9, severity: 'critical', message: /ClusterRoleBinding\/b gives cluster-admin to ServiceAccount ci\/ci/ },
        ],
      },
      {
        name: 'in a namespace',
        code: binding('RoleBinding', 'cluster-admin', '{ kind: User, name: ann }'),
        findings: [{ line: 9, severity: 'high', message: /full control of the namespace/ }],
      },
      {
        name: 'an equivalent role from the input',
        code: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: { name: god }
rules: [{ apiGroups: ["*"], resources: ["*"], verbs: ["*"] }]
---
${binding('ClusterRoleBinding', 'god', '{ kind: User, name: ann }')}`,
        findings: [{ line: 14, message: /ClusterRole god \(every verb on every resource\)/ }],
      },
    ],
  });
});
