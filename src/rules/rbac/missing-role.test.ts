import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './missing-role.js';

const binding = (kind: string, roleKind: string, role: string) => `apiVersion: rbac.authorization.k8s.io/v1
kind: ${kind}
metadata:
  name: b
  namespace: app
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ${roleKind}
  name: ${role}
subjects:
  - { kind: User, name: ann }
`;

describe('rbac/missing-role', () => {
  testRule(rule, {
    valid: [
      { name: 'a default ClusterRole', code: binding('RoleBinding', 'ClusterRole', 'view') },
      {
        name: 'a Role in the same namespace',
        code: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: { name: r, namespace: app }
rules: [{ apiGroups: [""], resources: [pods], verbs: [get] }]
---
${binding('RoleBinding', 'Role', 'r')}`,
      },
    ],
    invalid: [
      {
        name: 'missing ClusterRole',
        code: binding('ClusterRoleBinding', 'ClusterRole', 'ghost'),
        findings: [{ line: 9, message: /neither in the scanned files nor a default role/ }],
      },
      {
        name: 'a Role of another namespace',
        code: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: { name: r, namespace: other }
rules: [{ apiGroups: [""], resources: [pods], verbs: [get] }]
---
${binding('RoleBinding', 'Role', 'r')}`,
        findings: [{ line: 14, message: /Role r in namespace app/ }],
      },
      {
        name: 'an invalid Role',
        code: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: { name: r, namespace: app }
rules: [{ resources: [pods], verbs: [get] }]
---
${binding('RoleBinding', 'Role', 'r')}`,
        findings: [{ line: 14, message: /would reject as invalid/ }],
      },
    ],
  });
});
