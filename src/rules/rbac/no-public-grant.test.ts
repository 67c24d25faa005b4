import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './no-public-grant.js';

const binding = (role: string, subject: string) => `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: b
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: ${role}
subjects:
  - { kind: Group, name: ops }
  - ${subject}
`;

describe('rbac/no-public-grant', () => {
  testRule(rule, {
    valid: [{ name: 'a named group', code: binding('view', '{ kind: Group, name: devs }') }],
    invalid: [
      {
        name: 'authenticated, read-only',
        code: binding('view', '{ kind: Group, name: system:authenticated }'),
        findings: [{ line: 11, severity: 'medium' }],
      },
      {
        name: 'unauthenticated, writes',
        code: binding('edit', '{ kind: Group, name: system:unauthenticated }'),
        findings: [{ line: 11, severity: 'critical', message: /without credentials/ }],
      },
      {
        name: 'anonymous user',
        code: binding('view', '{ kind: User, name: system:anonymous }'),
        findings: [{ line: 11, severity: 'high' }],
      },
    ],
  });
});
