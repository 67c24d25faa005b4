import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './no-pv-create.js';

const role = (kind: string, verbs: string) => `apiVersion: rbac.authorization.k8s.io/v1
kind: ${kind}
metadata:
  name: r
  namespace: app
rules:
  - apiGroups: [""]
    resources: [persistentvolumes]
    verbs: [${verbs}]
`;

describe('rbac/no-pv-create', () => {
  testRule(rule, {
    valid: [
      { name: 'read', code: role('ClusterRole', 'get') },
      { name: 'a Role grants nothing on a cluster-scoped resource', code: role('Role', 'create') },
    ],
    invalid: [{ name: 'create', code: role('ClusterRole', 'create'), findings: [{ line: 8, severity: 'high' }] }],
  });
});
