import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './invalid-object.js';

describe('rbac/invalid-object', () => {
  testRule(rule, {
    valid: [
      {
        name: 'apiGroup defaults are accepted',
        code: `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: { name: b, namespace: app }
roleRef: { kind: ClusterRole, name: view }
subjects: [{ kind: User, name: ann }, { kind: ServiceAccount, name: app }]
`,
      },
    ],
    invalid: [
      {
        name: 'rule problems',
        code: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: { name: r, namespace: app }
rules:
  - resources: [pods]
    verbs: [get]
  - nonResourceURLs: [/metrics]
    verbs: [get]
`,
        findings: [
          { line: 5, message: /at least one apiGroup/ },
          { line: 7, message: /Role cannot grant nonResourceURLs/ },
        ],
      },
      {
        name: 'binding problems',
        code: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: { name: b }
roleRef: { apiGroup: rbac.authorization.k8s.io, kind: Role, name: r }
subjects:
  - { kind: serviceaccount, name: app, namespace: x }
`,
        findings: [
          { line: 4, message: /only a ClusterRole/ },
          { line: 6, message: /case-sensitive/ },
        ],
      },
      {
        name: 'empty aggregation rule',
        code: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: { name: r }
aggregationRule: { clusterRoleSelectors: [] }
`,
        findings: [{ line: 4, message: /at least one clusterRoleSelector/ }],
      },
    ],
  });
});
