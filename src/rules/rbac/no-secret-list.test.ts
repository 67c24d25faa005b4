import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './no-secret-list.js';

const role = (verbs: string, extra = '') => `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: r
  namespace: app
rules:
  - apiGroups: [""]
    resources: [configmaps, secrets]
    verbs: [${verbs}]${extra}
`;

const clusterBound = (verbs: string) => `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: r
rules:
  - apiGroups: ["*"]
    resources: [secrets]
    verbs: [${verbs}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: r
roleRef: { apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: r }
subjects: [{ kind: ServiceAccount, name: a, namespace: b }]
`;

describe('rbac/no-secret-list', () => {
  testRule(rule, {
    valid: [
      { name: 'get only', code: role('get') },
      { name: 'list limited by resourceNames (a field selector on one name)', code: role('list', '\n    resourceNames: [x]') },
      { name: 'resources * is the wildcard rule, not this one', code: role('list').replace('[configmaps, secrets]', '["*"]') },
    ],
    invalid: [
      {
        name: 'list in a Role',
        code: role('get, list'),
        findings: [{ line: 8, column: 29, severity: 'high', message: /Role app\/r grants list on secrets in namespace app/ }],
      },
      {
        name: 'watch through verbs *',
        code: role('"*"'),
        findings: [{ line: 8, severity: 'high', message: /grants \* on secrets/ }],
      },
      {
        name: 'bound cluster-wide',
        code: clusterBound('watch'),
        findings: [{ line: 7, severity: 'critical', message: /cluster-wide through ClusterRoleBinding\/r/ }],
      },
      {
        name: 'a binding to the default edit role',
        code: `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: { name: e, namespace: app }
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: edit
subjects: [{ kind: User, name: u }]
`,
        findings: [{ line: 7, severity: 'high', message: /default ClusterRole edit grants list, watch on secrets/ }],
      },
    ],
  });
});
