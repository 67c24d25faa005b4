import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './no-impersonate.js';

const role = (kind: string, resources: string, verbs: string) => `apiVersion: rbac.authorization.k8s.io/v1
kind: ${kind}
metadata:
  name: r
  namespace: app
rules:
  - apiGroups: [""]
    resources: [${resources}]
    verbs: [${verbs}]
`;

describe('rbac/no-impersonate', () => {
  testRule(rule, {
    valid: [{ name: 'get users', code: role('ClusterRole', 'users', 'get') }],
    invalid: [
      {
        name: 'users and groups',
        code: role('ClusterRole', 'users, groups', 'impersonate'),
        findings: [{ line: 8, message: /impersonate on users, groups/ }],
      },
      {
        name: 'service accounts in a namespace',
        code: role('Role', 'serviceaccounts', 'impersonate'),
        findings: [{ line: 8, severity: 'high' }],
      },
    ],
  });
});
