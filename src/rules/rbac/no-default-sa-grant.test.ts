import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './no-default-sa-grant.js';

const binding = (kind: string, subject: string) => `apiVersion: rbac.authorization.k8s.io/v1
kind: ${kind}
metadata:
  name: b
  namespace: app
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: view
subjects:
  - ${subject}
`;

describe('rbac/no-default-sa-grant', () => {
  testRule(rule, {
    valid: [{ name: 'dedicated service account', code: binding('RoleBinding', '{ kind: ServiceAccount, name: app }') }],
    invalid: [
      {
        name: 'default SA, namespace from the binding',
        code: binding('RoleBinding', '{ kind: ServiceAccount, name: default }'),
        findings: [{ line: 11, severity: 'medium', message: /default service account of app/ }],
      },
      {
        name: 'cluster-wide',
        code: binding('ClusterRoleBinding', '{ kind: ServiceAccount, name: default, namespace: kube-system }'),
        findings: [{ line: 11, severity: 'high' }],
      },
      {
        name: 'every service account',
        code: binding('RoleBinding', '{ kind: Group, name: system:serviceaccounts }'),
        findings: [{ line: 11, severity: 'high' }],
      },
    ],
  });
});
