import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './no-token-create.js';

const role = (resources: string, verbs: string) => `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: r
  namespace: app
rules:
  - apiGroups: [""]
    resources: [${resources}]
    verbs: [${verbs}]
`;

describe('rbac/no-token-create', () => {
  testRule(rule, {
    valid: [
      { name: 'serviceaccounts create is not tokens', code: role('serviceaccounts', 'create') },
      { name: 'get token', code: role('serviceaccounts/token', 'get') },
    ],
    invalid: [
      { name: 'token create', code: role('serviceaccounts/token', 'create'), findings: [{ line: 8, severity: 'medium' }] },
    ],
  });
});
