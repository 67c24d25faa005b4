import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './no-escalate-bind.js';

const role = (kind: string, resources: string, verbs: string) => `apiVersion: rbac.authorization.k8s.io/v1
kind: ${kind}
metadata:
  name: r
  namespace: app
rules:
  - apiGroups: [rbac.authorization.k8s.io]
    resources: [${resources}]
    verbs: [${verbs}]
`;

describe('rbac/no-escalate-bind', () => {
  testRule(rule, {
    valid: [{ name: 'read roles', code: role('ClusterRole', 'roles, clusterroles', 'get, list') }],
    invalid: [
      {
        name: 'escalate in a Role',
        code: role('Role', 'roles', 'escalate'),
        findings: [{ line: 8, severity: 'high', message: /escalate on roles/ }],
      },
      {
        name: 'bind on clusterroles',
        code: role('ClusterRole', 'clusterroles', 'bind, get'),
        findings: [{ line: 8, message: /bind on clusterroles/ }],
      },
    ],
  });
});
