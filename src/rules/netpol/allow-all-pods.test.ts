import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './allow-all-pods.js';

const policy = (peer: string, direction = 'ingress', key = 'from') => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: p, namespace: shop }
spec:
  podSelector: { matchLabels: { app: db } }
  policyTypes: [${direction === 'ingress' ? 'Ingress' : 'Egress'}]
  ${direction}:
    - ${key}:
        - ${peer}
`;

describe('netpol/allow-all-pods', () => {
  testRule(rule, {
    valid: [
      { name: 'named client pods', code: policy('podSelector: { matchLabels: { app: api } }') },
      {
        name: 'all pods of a named namespace',
        code: policy('{ namespaceSelector: { matchLabels: { team: a } }, podSelector: {} }'),
      },
      { name: 'no pod selector', code: policy('namespaceSelector: { matchLabels: { team: a } }') },
    ],
    invalid: [
      {
        name: 'every pod of the namespace as sources',
        code: policy('podSelector: {}'),
        findings: [
          {
            line: 9,
            path: '/spec/ingress/0/from/0/podSelector',
            message:
              'NetworkPolicy "shop/p" ingress rule #1 admits every pod of namespace "shop" (`podSelector: {}`) as sources.',
          },
        ],
      },
      {
        name: 'every pod of the namespace as destinations',
        code: policy('podSelector: {}', 'egress', 'to'),
        findings: [{ line: 9, message: /egress rule #1 .* as destinations/ }],
      },
    ],
  });
});
