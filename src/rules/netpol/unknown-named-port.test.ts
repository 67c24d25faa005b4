import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './unknown-named-port.js';

const pods = `apiVersion: v1
kind: Pod
metadata: { name: api, namespace: shop, labels: { app: api } }
spec:
  containers:
    - name: api
      image: ghcr.io/acme/api:1.4.2
      ports: [{ name: http, containerPort: 8080 }, { name: dns, containerPort: 5353, protocol: UDP }]
---
apiVersion: v1
kind: Pod
metadata: { name: web, namespace: shop, labels: { app: web } }
spec: { containers: [{ name: web, image: "ghcr.io/acme/web:2.0.1" }] }
`;

const policy = (selector: string, spec: string) => `---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: p, namespace: shop }
spec:
  podSelector: ${selector}
${spec}`;

describe('netpol/unknown-named-port', () => {
  testRule(rule, {
    valid: [
      {
        name: 'ingress port defined by the selected pod',
        code: pods + policy('{ matchLabels: { app: api } }', '  ingress: [{ ports: [{ port: http }] }]\n'),
      },
      {
        name: 'egress port defined by a destination pod',
        code:
          pods +
          policy(
            '{ matchLabels: { app: web } }',
            '  egress: [{ to: [{ podSelector: { matchLabels: { app: api } } }], ports: [{ port: dns, protocol: UDP }] }]\n',
          ),
      },
      {
        name: 'no selected workload in the input: cannot judge',
        code: pods + policy('{ matchLabels: { app: db } }', '  ingress: [{ ports: [{ port: pg }] }]\n'),
      },
    ],
    invalid: [
      {
        name: 'ingress name nobody defines',
        code: pods + policy('{ matchLabels: { app: api } }', '  ingress:\n    - ports:\n        - port: https\n'),
        findings: [
          {
            line: 22,
            path: '/spec/ingress/0/ports/0/port',
            message:
              'NetworkPolicy "shop/p" ingress rule #1 uses named port "https" (TCP), which none of shop/api[Pod] defines: the rule allows nothing on it.',
          },
        ],
      },
      {
        name: 'the right name with the wrong protocol',
        code:
          pods + policy('{ matchLabels: { app: api } }', '  ingress:\n    - ports:\n        - { port: dns, protocol: TCP }\n'),
        findings: [{ line: 22, message: /named port "dns" \(TCP\)/ }],
      },
      {
        name: 'egress to destinations that do not define it',
        code:
          pods +
          policy(
            '{ matchLabels: { app: api } }',
            '  egress:\n    - to: [{ podSelector: { matchLabels: { app: web } } }]\n      ports:\n        - port: http\n',
          ),
        findings: [{ line: 23, message: /none of shop\/web\[Pod\] defines/ }],
      },
      {
        name: 'a named port towards ipBlocks only',
        code:
          pods +
          policy(
            '{ matchLabels: { app: api } }',
            '  egress:\n    - to: [{ ipBlock: { cidr: 10.0.0.0/8 } }]\n      ports:\n        - port: http\n',
          ),
        findings: [{ line: 23, message: /with ipBlock destinations only/ }],
      },
    ],
  });
});
