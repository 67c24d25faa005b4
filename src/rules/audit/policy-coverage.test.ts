import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './policy-coverage.js';

describe('audit/policy-coverage', () => {
  testRule(rule, {
    valid: [
      { name: 'catch-all Metadata', code: 'apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n  - level: Metadata\n' },
      {
        name: 'noise dropped only for a system user and for named objects',
        code: `apiVersion: audit.k8s.io/v1
kind: Policy
rules:
  - level: None
    users: ["system:kube-proxy"]
    verbs: [watch]
  - level: None
    resources:
      - group: ""
        resources: [secrets]
        resourceNames: [noisy-controller-lease]
  - level: Metadata
`,
      },
    ],
    invalid: [
      {
        name: 'exec and port-forward dropped by a None rule',
        code: `apiVersion: audit.k8s.io/v1
kind: Policy
rules:
  - level: None
    resources:
      - group: ""
        resources: ["pods/*"]
  - level: Metadata
`,
        findings: [
          {
            line: 4,
            message:
              /drops \(level None\) exec into pods \(pods\/exec\), attaching to pods \(pods\/attach\), port-forwarding \(pods\/portforward\), proxying to pods \(pods\/proxy\):/,
          },
        ],
      },
      {
        name: 'a policy that only covers Secrets',
        code: `apiVersion: audit.k8s.io/v1
kind: Policy
rules:
  - level: Metadata
    resources:
      - group: ""
        resources: [secrets]
`,
        findings: [{ line: 3, message: /No rule of the policy matches exec into pods/ }],
      },
    ],
  });
});
