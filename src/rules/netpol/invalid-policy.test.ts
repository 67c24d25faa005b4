import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './invalid-policy.js';

const policy = (spec: string, name = 'p') => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: ${name}, namespace: shop }
spec:
  podSelector: {}
${spec}`;

describe('netpol/invalid-policy', () => {
  testRule(rule, {
    valid: [
      {
        name: 'a valid policy',
        code: policy('  ingress:\n    - from: [{ ipBlock: { cidr: 10.0.0.0/8, except: [10.1.0.0/16] } }]\n'),
      },
      { name: 'host bits in a CIDR are accepted', code: policy('  ingress:\n    - from: [{ ipBlock: { cidr: 10.1.2.3/8 } }]\n') },
      { name: 'endPort with port', code: policy('  ingress:\n    - ports: [{ port: 8000, endPort: 8100 }]\n') },
    ],
    invalid: [
      {
        name: 'an invalid CIDR',
        code: policy('  ingress:\n    - from:\n        - ipBlock: { cidr: 10.0.0.0/33 }\n'),
        findings: [
          {
            line: 8,
            path: '/spec/ingress/0/from/0/ipBlock/cidr',
            message: 'NetworkPolicy "shop/p": CIDR error: invalid CIDR address: 10.0.0.0/33',
          },
        ],
      },
      {
        name: 'except outside the cidr',
        code: policy(
          '  ingress:\n    - from:\n        - ipBlock:\n            cidr: 10.0.0.0/8\n            except: [192.168.0.0/16]\n',
        ),
        findings: [{ line: 10, message: /must be a strict subset/ }],
      },
      {
        name: 'an invalid label key',
        code: policy('  ingress:\n    - from:\n        - podSelector: { matchLabels: { "app@b": x } }\n'),
        findings: [{ line: 8, message: /selector error: key: Invalid value: "app@b"/ }],
      },
      {
        name: 'In without values',
        code: policy(
          '  ingress:\n    - from:\n        - podSelector:\n            matchExpressions: [{ key: app, operator: In }]\n',
        ),
        findings: [{ line: 9, message: /values set can't be empty/ }],
      },
      {
        name: 'an empty peer',
        code: policy('  ingress:\n    - from:\n        - {}\n'),
        findings: [{ line: 8, message: /cannot have empty rule peer/ }],
      },
      {
        name: 'ipBlock and a selector in one peer',
        code: policy('  ingress:\n    - from:\n        - { ipBlock: { cidr: 10.0.0.0/8 }, podSelector: {} }\n'),
        findings: [{ line: 8, message: /cannot have both IPBlock and PodSelector\/NamespaceSelector set/ }],
      },
      {
        name: 'endPort below port',
        code: policy('  egress:\n    - ports:\n        - { port: 10, endPort: 1 }\n'),
        findings: [{ line: 8, message: /port range 10-1 is not legal/ }],
      },
      {
        name: 'endPort with a named port',
        code: policy('  egress:\n    - ports:\n        - { port: http, endPort: 90 }\n'),
        findings: [
          { line: 8, message: /endPort field cannot be defined if the port field is defined as a named \(string\) port/ },
        ],
      },
      {
        name: 'an unknown protocol and an out-of-range port',
        code: policy('  ingress:\n    - ports:\n        - { port: 70000, protocol: HTTP }\n'),
        findings: [
          { line: 8, message: /port 70000 is not a valid port number/ },
          { line: 8, message: /Unsupported value: "HTTP"/ },
        ],
      },
      {
        name: 'a duplicate name',
        code: `${policy('')}---\n${policy('  policyTypes: [Egress]\n')}`,
        findings: [{ line: 9, message: /NetworkPolicy "shop\/p" is defined more than once with different specs/ }],
      },
      {
        name: 'pods of one owner whose labels differ where a policy looks',
        code: `apiVersion: v1
kind: Pod
metadata:
  name: a-1
  namespace: shop
  labels: { app: a, track: stable }
  ownerReferences: [{ kind: ReplicaSet, name: a-5d9, controller: true }]
spec: { containers: [{ name: a, image: "ghcr.io/acme/a:1" }] }
---
apiVersion: v1
kind: Pod
metadata:
  name: a-2
  namespace: shop
  labels: { app: a, track: canary }
  ownerReferences: [{ kind: ReplicaSet, name: a-5d9, controller: true }]
spec: { containers: [{ name: a, image: "ghcr.io/acme/a:1" }] }
---
${policy('  ingress:\n    - from: [{ podSelector: { matchLabels: { track: stable } } }]\n')}`,
        findings: [
          { line: 15, message: /Found Pods of the same owner workload `shop\/a-5d9` and with differences in their labels/ },
        ],
      },
    ],
  });
});
