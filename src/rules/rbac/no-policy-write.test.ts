import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './no-policy-write.js';

const role = (
  kind: string,
  groups: string,
  resources: string,
  verbs: string,
  extra = '',
) => `apiVersion: rbac.authorization.k8s.io/v1
kind: ${kind}
metadata:
  name: r
  namespace: app
rules:
  - apiGroups: [${groups}]
    resources: [${resources}]
    verbs: [${verbs}]${extra}
`;

describe('rbac/no-policy-write', () => {
  testRule(rule, {
    valid: [
      {
        name: 'read webhooks',
        code: role('ClusterRole', 'admissionregistration.k8s.io', 'validatingwebhookconfigurations', 'get, list'),
      },
      {
        name: 'own webhook by name',
        code: role(
          'ClusterRole',
          'admissionregistration.k8s.io',
          'validatingwebhookconfigurations',
          'update',
          '\n    resourceNames: [mine]',
        ),
      },
      { name: 'CRDs in a Role grant nothing', code: role('Role', 'apiextensions.k8s.io', 'customresourcedefinitions', 'create') },
    ],
    invalid: [
      {
        name: 'CRDs',
        code: role('ClusterRole', 'apiextensions.k8s.io', 'customresourcedefinitions', 'create'),
        findings: [{ line: 8 }],
      },
      {
        name: 'rolebindings in a namespace',
        code: role('Role', 'rbac.authorization.k8s.io', 'rolebindings', 'create'),
        findings: [{ line: 8, severity: 'medium' }],
      },
    ],
  });
});
