import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './no-wildcard.js';

const role = (kind: string, rule: string, binding = '') => `apiVersion: rbac.authorization.k8s.io/v1
kind: ${kind}
metadata:
  name: r
  namespace: app
rules:
${rule}
${binding}`;

const crb = `---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: { name: r }
roleRef: { apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: r }
subjects: [{ kind: Group, name: ops }]
`;

describe('rbac/no-wildcard', () => {
  testRule(rule, {
    valid: [{ name: 'explicit lists', code: role('Role', '  - apiGroups: [""]\n    resources: [pods]\n    verbs: [get]') }],
    invalid: [
      {
        name: 'resources * in a Role',
        code: role('Role', '  - apiGroups: [""]\n    resources: ["*"]\n    verbs: [get]'),
        findings: [{ line: 8, column: 17, severity: 'medium', message: /uses \* in resources/ }],
      },
      {
        name: 'everything, bound cluster-wide',
        code: role('ClusterRole', '  - apiGroups: ["*"]\n    resources: ["*"]\n    verbs: ["*"]', crb),
        findings: [{ line: 9, severity: 'critical', message: /verbs, resources, apiGroups .*same as cluster-admin/ }],
      },
      {
        name: 'nonResourceURLs *',
        code: role('ClusterRole', '  - nonResourceURLs: ["*"]\n    verbs: [get]'),
        findings: [{ line: 7, severity: 'medium', message: /nonResourceURLs/ }],
      },
    ],
  });
});
