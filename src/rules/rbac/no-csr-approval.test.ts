import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './no-csr-approval.js';

const role = (resources: string, verbs: string) => `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: r
rules:
  - apiGroups: [certificates.k8s.io]
    resources: [${resources}]
    verbs: [${verbs}]
`;

describe('rbac/no-csr-approval', () => {
  testRule(rule, {
    valid: [{ name: 'create CSRs', code: role('certificatesigningrequests', 'create, get') }],
    invalid: [
      {
        name: 'approval',
        code: role('certificatesigningrequests/approval', 'update'),
        findings: [{ line: 7, severity: 'high' }],
      },
      { name: 'signer', code: role('signers', 'approve'), findings: [{ line: 7, message: /approve on signers/ }] },
    ],
  });
});
