import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './selects-no-pods.js';

const pod = `apiVersion: v1
kind: Pod
metadata: { name: api, namespace: shop, labels: { app: api, tier: backend } }
spec: { containers: [{ name: api, image: "ghcr.io/acme/api:1.4.2" }] }
`;

const policy = (selector: string, namespace = 'shop') => `---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: p, namespace: ${namespace} }
spec:
  podSelector: ${selector}
  policyTypes: [Ingress]
`;

describe('netpol/selects-no-pods', () => {
  testRule(rule, {
    valid: [
      { name: 'matchLabels that match', code: pod + policy('{ matchLabels: { app: api } }') },
      { name: 'empty selector', code: pod + policy('{}') },
      { name: 'In expression', code: pod + policy('{ matchExpressions: [{ key: tier, operator: In, values: [backend, db] }] }') },
      { name: 'no workloads of the namespace in the input', code: pod + policy('{ matchLabels: { app: x } }', 'other') },
      {
        name: 'an operator may create the pods from a custom resource',
        code: `${pod}${policy('{ matchLabels: { app.kubernetes.io/name: prometheus } }')}---
apiVersion: monitoring.coreos.com/v1
kind: Prometheus
metadata: { name: k8s, namespace: shop }
spec: { replicas: 2 }
`,
      },
    ],
    invalid: [
      {
        name: 'a typo in the label value',
        code: pod + policy('{ matchLabels: { app: apis } }'),
        findings: [
          {
            line: 10,
            path: '/spec/podSelector',
            message:
              'NetworkPolicy "shop/p" selects none of the 1 workload of namespace "shop" (podSelector app=apis): it protects nothing.',
          },
        ],
      },
      {
        name: 'DoesNotExist on a label every pod has',
        code: pod + policy('{ matchExpressions: [{ key: app, operator: DoesNotExist }] }'),
        findings: [{ line: 10, message: /podSelector !app/ }],
      },
      {
        name: 'all requirements must hold',
        code: pod + policy('{ matchLabels: { app: api, tier: frontend } }'),
        findings: [{ line: 10 }],
      },
    ],
  });
});
