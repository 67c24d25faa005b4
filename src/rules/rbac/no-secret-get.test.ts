import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './no-secret-get.js';

const role = (kind: string, verbs: string, extra = '') => `apiVersion: rbac.authorization.k8s.io/v1
kind: ${kind}
metadata:
  name: r
  namespace: app
rules:
  - apiGroups: [""]
    resources: [secrets]
    verbs: [${verbs}]${extra}
`;

describe('rbac/no-secret-get', () => {
  testRule(rule, {
    valid: [
      { name: 'named secret', code: role('Role', 'get', '\n    resourceNames: [db]') },
      { name: 'create only', code: role('Role', 'create') },
      { name: 'other group', code: role('Role', 'get').replace('[""]', '[example.com]') },
    ],
    invalid: [
      {
        name: 'get in a Role',
        code: role('Role', 'get'),
        findings: [{ line: 8, column: 17, severity: 'medium', message: /grants get on secrets in namespace app/ }],
      },
      {
        name: 'unbound ClusterRole',
        code: role('ClusterRole', 'get'),
        findings: [{ line: 8, severity: 'medium', message: /not bound by any binding/ }],
      },
    ],
  });
});
