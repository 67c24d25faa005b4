import { describe, expect, it } from 'vitest';
import { scanText, testRule } from '../../testing/index.js';
import allowAllNamespaces from './allow-all-namespaces.js';
import rule from './egress-to-metadata.js';

const policy = (rule: string, types = '[Egress]') => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: p, namespace: shop }
spec:
  podSelector: {}
  policyTypes: ${types}
  egress:
    - ${rule}
`;

describe('netpol/egress-to-metadata', () => {
  testRule(rule, {
    valid: [
      { name: 'metadata address excepted', code: policy('to: [{ ipBlock: { cidr: 0.0.0.0/0, except: [169.254.169.254/32] } }]') },
      { name: 'only HTTPS to anywhere', code: policy('ports: [{ port: 443 }]') },
      { name: 'pods only', code: policy('to: [{ podSelector: {} }]') },
      {
        name: 'UDP to the link-local range',
        code: policy('{ to: [{ ipBlock: { cidr: 169.254.0.0/16 } }], ports: [{ port: 80, protocol: UDP }] }'),
      },
      { name: 'an ingress-only policy', code: policy('to: [{ ipBlock: { cidr: 169.254.0.0/16 } }]', '[Ingress]') },
    ],
    invalid: [
      {
        name: 'a link-local range',
        code: policy('to: [{ ipBlock: { cidr: 169.254.0.0/16 } }]'),
        findings: [
          {
            line: 8,
            path: '/spec/egress/0/to/0/ipBlock/cidr',
            message:
              'NetworkPolicy "shop/p" egress rule #1 allows HTTP to the cloud metadata service: its ipBlock contains 169.254.169.254.',
          },
        ],
      },
      {
        name: 'a rule without to, on port 80',
        code: policy('ports: [{ port: 80 }]'),
        findings: [
          {
            line: 8,
            path: '/spec/egress/0',
            message: /it has no `to` and so admits every address, including 169\.254\.169\.254/,
          },
        ],
      },
      {
        name: 'the IPv6 metadata address of AWS',
        code: policy('to: [{ ipBlock: { cidr: "fd00:ec2::/32" } }]'),
        findings: [{ line: 8, message: /fd00:ec2::254/ }],
      },
    ],
  });

  it('an egress rule without `to` is reported once, by the more specific rule, with both references', async () => {
    const text = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: open-egress, namespace: shop }
spec:
  podSelector: {}
  policyTypes: [Egress]
  egress:
    - {}
`;
    const result = await scanText(text, { rules: [rule, allowAllNamespaces] });
    const found = result.findings.filter((f) => f.suppressed === null);
    expect(found.map((f) => [f.rule, f.line])).toEqual([['netpol/egress-to-metadata', 8]]);
    expect(found[0]?.references).toEqual(expect.arrayContaining(allowAllNamespaces.meta.references));
  });
});
