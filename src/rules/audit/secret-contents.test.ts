import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './secret-contents.js';

describe('audit/secret-contents', () => {
  testRule(rule, {
    valid: [
      {
        name: 'Metadata for sensitive resources first, bodies for the rest',
        code: `apiVersion: audit.k8s.io/v1
kind: Policy
rules:
  - level: Metadata
    resources:
      - group: ""
        resources: [secrets, configmaps, serviceaccounts/token]
      - group: authentication.k8s.io
        resources: [tokenreviews]
  - level: RequestResponse
`,
      },
      { name: 'not an audit policy', code: 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: x}\n' },
    ],
    invalid: [
      {
        name: 'catch-all RequestResponse',
        code: 'apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n  - level: RequestResponse\n',
        findings: [{ line: 4, message: /Secrets, ConfigMaps, TokenReviews, service account tokens/ }],
      },
      {
        name: 'Metadata for secrets only, after a rule limited to one user',
        code: `apiVersion: audit.k8s.io/v1
kind: Policy
rules:
  - level: None
    users: ["system:kube-proxy"]
  - level: Metadata
    resources:
      - group: ""
        resources: [secrets]
  - level: Request
`,
        findings: [
          { line: 10, message: /ConfigMaps, TokenReviews, service account tokens \(serviceaccounts\/token\) at level Request/ },
        ],
      },
    ],
  });
});
