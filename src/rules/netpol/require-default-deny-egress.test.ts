import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './require-default-deny-egress.js';

const pod = `apiVersion: v1
kind: Pod
metadata: { name: api, namespace: shop, labels: { app: api } }
spec: { containers: [{ name: api, image: "ghcr.io/acme/api:1.4.2" }] }
`;

const policy = (selector: string, spec: string) => `---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: p, namespace: shop }
spec:
  podSelector: ${selector}
${spec}`;

describe('netpol/require-default-deny-egress', () => {
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
      { name: 'empty podSelector with Egress', code: pod + policy('{}', '  policyTypes: [Egress]\n') },
      {
        name: 'egress rules without policyTypes make it an egress policy',
        code: pod + policy('{}', '  egress:\n    - to: [{ podSelector: {} }]\n'),
      },
    ],
    invalid: [
      {
        name: 'ingress-only default deny',
        code: pod + policy('{}', '  policyTypes: [Ingress]\n'),
        findings: [{ line: 3, message: /shop\/api\[Pod\] can connect to any pod and any address outside the cluster/ }],
      },
      {
        name: 'an explicitly empty egress list without policyTypes is not an egress policy',
        code: pod + policy('{}', '  egress: []\n'),
        findings: [{ line: 3 }],
      },
      {
        name: 'the workload is selected by a specific egress policy: low',
        code: pod + policy('{ matchLabels: { app: api } }', '  policyTypes: [Egress]\n'),
        findings: [{ line: 3, severity: 'low' }],
      },
    ],
  });
});
