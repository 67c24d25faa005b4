import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './allow-all-namespaces.js';

const policy = (spec: string) => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: p, namespace: shop }
spec:
  podSelector: { matchLabels: { app: web } }
${spec}`;

describe('netpol/allow-all-namespaces', () => {
  testRule(rule, {
    valid: [
      {
        name: 'a named namespace',
        code: policy(
          '  ingress:\n    - from: [{ namespaceSelector: { matchLabels: { kubernetes.io/metadata.name: front } } }]\n',
        ),
      },
      {
        name: 'pods of the own namespace',
        code: policy('  ingress:\n    - from: [{ podSelector: { matchLabels: { app: api } } }]\n'),
      },
      {
        name: 'egress anywhere on port 53 only (DNS)',
        code: policy('  policyTypes: [Egress]\n  egress:\n    - ports: [{ port: 53, protocol: UDP }]\n'),
      },
      {
        name: 'rules of a direction the policy does not apply to',
        code: policy('  policyTypes: [Egress]\n  ingress:\n    - from: [{ namespaceSelector: {} }]\n'),
      },
    ],
    invalid: [
      {
        name: 'an empty namespaceSelector',
        code: policy('  ingress:\n    - from:\n        - namespaceSelector: {}\n'),
        findings: [
          {
            line: 8,
            path: '/spec/ingress/0/from/0/namespaceSelector',
            message:
              'NetworkPolicy "shop/p" ingress rule #1 admits every pod of every namespace (`namespaceSelector: {}`) as sources.',
          },
        ],
      },
      {
        name: 'an empty namespaceSelector with a podSelector',
        code: policy(
          '  ingress:\n    - from:\n        - namespaceSelector: {}\n          podSelector: { matchLabels: { role: monitoring } }\n',
        ),
        findings: [{ line: 8, message: /admits pods role=monitoring of every namespace/ }],
      },
      {
        name: 'an ingress rule without from',
        code: policy('  ingress:\n    - ports: [{ port: 8080 }]\n'),
        findings: [
          {
            line: 7,
            path: '/spec/ingress/0',
            message: /has no `from`: it admits every pod of every namespace and every address outside the cluster on TCP 8080/,
          },
        ],
      },
      {
        name: 'an ingress rule without from on a named port',
        code: policy('  ingress:\n    - ports: [{ port: http }]\n'),
        findings: [{ line: 7, message: /outside the cluster on named port "http" \(TCP\)\./ }],
      },
      {
        name: 'an egress rule without to',
        code: policy('  policyTypes: [Egress]\n  egress:\n    - {}\n'),
        findings: [{ line: 8, message: /egress rule #1 has no `to`.* on every port/ }],
      },
    ],
  });
});
