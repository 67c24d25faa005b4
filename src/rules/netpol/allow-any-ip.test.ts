import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './allow-any-ip.js';

const policy = (direction: 'ingress' | 'egress', ipBlock: string, ports = '') => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: p, namespace: shop }
spec:
  podSelector: { matchLabels: { app: web } }
  policyTypes: [${direction === 'ingress' ? 'Ingress' : 'Egress'}]
  ${direction}:
    - ${direction === 'ingress' ? 'from' : 'to'}:
        - ipBlock: ${ipBlock}
${ports}`;

describe('netpol/allow-any-ip', () => {
  testRule(rule, {
    valid: [
      { name: 'a partner range', code: policy('ingress', '{ cidr: 198.51.100.0/24 }') },
      { name: 'private ranges', code: policy('egress', '{ cidr: 10.0.0.0/8 }') },
    ],
    invalid: [
      {
        name: 'ingress from the whole internet',
        code: policy('ingress', '{ cidr: 0.0.0.0/0 }', '      ports: [{ port: 443 }]\n'),
        findings: [
          {
            line: 9,
            path: '/spec/ingress/0/from/0/ipBlock/cidr',
            message:
              'NetworkPolicy "shop/p" ingress rule #1 allows TCP 443 from any address on the internet (ipBlock 0.0.0.0/0).',
          },
        ],
      },
      {
        name: 'egress anywhere, with excepts named in the message',
        code: policy('egress', '{ cidr: 0.0.0.0/0, except: [10.0.0.0/8] }'),
        findings: [
          {
            line: 9,
            message: /allows every port to any address on the internet \(ipBlock 0\.0\.0\.0\/0 except 10\.0\.0\.0\/8\)/,
          },
        ],
      },
      { name: 'IPv6', code: policy('egress', '{ cidr: "::/0" }'), findings: [{ line: 9, message: /ipBlock ::\/0/ }] },
    ],
  });
});
