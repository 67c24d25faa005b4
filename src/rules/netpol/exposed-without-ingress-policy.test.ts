import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './exposed-without-ingress-policy.js';

const service = (type: string, selector = '{ app: web }') => `apiVersion: v1
kind: Service
metadata: { name: web, namespace: shop }
spec:
  type: ${type}
  selector: ${selector}
  ports: [{ port: 80, targetPort: 8080 }]
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: shop }
spec:
  template:
    metadata: { labels: { app: web, tier: front } }
    spec: { containers: [{ name: web, image: "ghcr.io/acme/web:2.0.1" }] }
`;

const policy = (types: string) => `---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: p, namespace: shop }
spec:
  podSelector: { matchLabels: { tier: front } }
  policyTypes: ${types}
`;

describe('netpol/exposed-without-ingress-policy', () => {
  testRule(rule, {
    valid: [
      { name: 'a ClusterIP Service', code: service('ClusterIP') },
      { name: 'a LoadBalancer with an ingress policy on its pods', code: service('LoadBalancer') + policy('[Ingress]') },
      { name: 'a selector that matches no workload of the input', code: service('NodePort', '{ app: other }') },
    ],
    invalid: [
      {
        name: 'a LoadBalancer without any policy',
        code: service('LoadBalancer'),
        findings: [
          {
            line: 5,
            path: '/spec/type',
            message:
              'LoadBalancer Service "shop/web" exposes shop/web[Deployment], which no ingress NetworkPolicy selects: they accept every connection from inside the cluster too.',
          },
        ],
      },
      { name: 'a NodePort with an egress-only policy', code: service('NodePort') + policy('[Egress]'), findings: [{ line: 5 }] },
    ],
  });
});
