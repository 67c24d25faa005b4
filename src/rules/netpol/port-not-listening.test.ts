import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './port-not-listening.js';

const pod = (ports: string) => `apiVersion: v1
kind: Pod
metadata: { name: api, namespace: shop, labels: { app: api } }
spec:
  containers:
    - name: api
      image: ghcr.io/acme/api:1.4.2
      ports: ${ports}
`;

const policy = (ports: string) => `---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: p, namespace: shop }
spec:
  podSelector: { matchLabels: { app: api } }
  ingress:
    - ports:
        - ${ports}
`;

describe('netpol/port-not-listening', () => {
  testRule(rule, {
    valid: [
      { name: 'the container port', code: pod('[{ containerPort: 8080 }]') + policy('port: 8080') },
      { name: 'a range covering it', code: pod('[{ containerPort: 8080 }]') + policy('{ port: 8000, endPort: 8100 }') },
      { name: 'pods that declare no ports may listen anywhere', code: pod('[]') + policy('port: 80') },
      { name: 'named ports are the other rule', code: pod('[{ containerPort: 8080 }]') + policy('port: http') },
    ],
    invalid: [
      {
        name: 'the Service port instead of the container port',
        code: pod('[{ containerPort: 8080 }]') + policy('port: 80'),
        findings: [
          {
            line: 17,
            severity: 'info',
            path: '/spec/ingress/0/ports/0/port',
            message:
              'NetworkPolicy "shop/p" ingress rule #1 allows TCP 80, but none of shop/api[Pod] declares a container port there.',
          },
        ],
      },
      {
        name: 'the right number on the wrong protocol',
        code: pod('[{ containerPort: 53, protocol: UDP }]') + policy('{ port: 53, protocol: TCP }'),
        findings: [{ line: 17, message: /allows TCP 53/ }],
      },
    ],
  });
});
