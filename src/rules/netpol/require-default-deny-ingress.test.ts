import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './require-default-deny-ingress.js';

const pods = `apiVersion: v1
kind: Pod
metadata: { name: api, namespace: shop, labels: { app: api } }
spec: { containers: [{ name: api, image: "ghcr.io/acme/api:1.4.2" }] }
---
apiVersion: v1
kind: Pod
metadata: { name: db, namespace: shop, labels: { app: db } }
spec: { containers: [{ name: db, image: "postgres:17" }] }
`;

const policy = (selector: string, types: string) => `---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: p, namespace: shop }
spec:
  podSelector: ${selector}
  policyTypes: ${types}
`;

describe('netpol/require-default-deny-ingress', () => {
  testRule(rule, {
    valid: [
      {
        name: 'a namespace of host-network pods only: NetworkPolicy cannot apply to them',
        code: `apiVersion: v1
kind: Pod
metadata: { name: kube-apiserver, namespace: kube-system, labels: { component: kube-apiserver } }
spec: { hostNetwork: true, containers: [{ name: kube-apiserver, image: "registry.k8s.io/kube-apiserver:v1.33.2" }] }
`,
      },
      { name: 'empty podSelector with Ingress', code: pods + policy('{}', '[Ingress]') },
      { name: 'empty podSelector, both directions', code: pods + policy('{}', '[Ingress, Egress]') },
      {
        name: 'policyTypes defaulted (Ingress)',
        code: `${pods}---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: p, namespace: shop }
spec:
  podSelector: {}
`,
      },
    ],
    invalid: [
      {
        name: 'egress-only default deny leaves ingress open',
        code: pods + policy('{}', '[Egress]'),
        findings: [
          {
            line: 3,
            severity: 'medium',
            message:
              'Namespace "shop" has no default-deny ingress policy: shop/api[Pod] and shop/db[Pod] accept connections from every pod in the cluster.',
          },
        ],
      },
      {
        name: 'a policy for one workload leaves the other open',
        code: pods + policy('{ matchLabels: { app: db } }', '[Ingress]'),
        findings: [{ line: 3, message: /shop\/api\[Pod\] accepts connections/ }],
      },
      {
        name: 'every workload selected, but no default deny: low',
        code: pods + policy('{ matchExpressions: [{ key: app, operator: Exists }] }', '[Ingress]'),
        findings: [{ line: 3, severity: 'low', message: /a workload added later/ }],
      },
    ],
  });
});
