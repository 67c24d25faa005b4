import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './egress-blocks-dns.js';

const pod = `apiVersion: v1
kind: Pod
metadata: { name: api, namespace: shop, labels: { app: api } }
spec: { containers: [{ name: api, image: "ghcr.io/acme/api:1.4.2" }] }
`;

const coredns = `---
apiVersion: apps/v1
kind: Deployment
metadata: { name: coredns, namespace: kube-system }
spec:
  template:
    metadata: { labels: { k8s-app: kube-dns } }
    spec:
      containers:
        - name: coredns
          image: registry.k8s.io/coredns/coredns:v1.11.3
          ports:
            - { name: dns, containerPort: 53, protocol: UDP }
            - { name: dns-tcp, containerPort: 53, protocol: TCP }
`;

const denyEgress = (egress = '') => `---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: deny-egress, namespace: shop }
spec:
  podSelector: {}
  policyTypes: [Ingress, Egress]
${egress}`;

const dnsRule = (to: string, ports = '[{ protocol: UDP, port: 53 }, { protocol: TCP, port: 53 }]') =>
  `  egress:\n    - to: ${to}\n      ports: ${ports}\n`;

const kubeDns =
  '[{ namespaceSelector: { matchLabels: { kubernetes.io/metadata.name: kube-system } }, podSelector: { matchLabels: { k8s-app: kube-dns } } }]';

describe('netpol/egress-blocks-dns', () => {
  testRule(rule, {
    valid: [
      { name: 'no egress policy', code: pod },
      { name: 'DNS allowed to the kube-dns pods of the input', code: pod + coredns + denyEgress(dnsRule(kubeDns)) },
      { name: 'DNS allowed to kube-dns, no DNS pods in the input (assumed)', code: pod + denyEgress(dnsRule(kubeDns)) },
      {
        name: 'DNS by the named ports of the CoreDNS pods',
        code: pod + coredns + denyEgress(dnsRule(kubeDns, '[{ protocol: UDP, port: dns }, { protocol: TCP, port: dns-tcp }]')),
      },
      {
        name: 'port 53 to every namespace',
        code: pod + denyEgress(dnsRule('[{ namespaceSelector: {} }]')),
      },
      {
        name: 'port 53 to anywhere (a rule without to)',
        code: `${pod}${denyEgress('  egress:\n    - ports: [{ protocol: UDP, port: 53 }, { protocol: TCP, port: 53 }]\n')}`,
      },
      {
        name: 'NodeLocal DNSCache address',
        code: pod + denyEgress(dnsRule('[{ ipBlock: { cidr: 169.254.20.10/32 } }]')),
      },
      {
        name: 'allowed by a second policy selecting the same pods',
        code: `${pod}${denyEgress()}---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: allow-dns, namespace: shop }
spec:
  podSelector: {}
  policyTypes: [Egress]
${dnsRule(kubeDns)}`,
      },
    ],
    invalid: [
      {
        name: 'default deny egress with no rule',
        code: pod + denyEgress(),
        findings: [
          {
            line: 11,
            path: '/spec/policyTypes/1',
            message:
              'NetworkPolicy "shop/deny-egress" denies egress of shop/api[Pod] by default and nothing allows DNS (port 53 over UDP and TCP) to the cluster DNS pods (kube-system, k8s-app=kube-dns, assumed: the input has none); egress allows nothing there, so name resolution fails.',
          },
        ],
      },
      {
        name: 'UDP only: TCP fallback for large answers fails',
        code: pod + coredns + denyEgress(dnsRule(kubeDns, '[{ protocol: UDP, port: 53 }]')),
        findings: [{ line: 25, message: /egress allows only UDP 53 there/ }],
      },
      {
        name: 'DNS pods in the input have other labels than the rule selects',
        code: pod + coredns.replace('k8s-app: kube-dns', 'k8s-app: coredns') + denyEgress(dnsRule(kubeDns)),
        findings: [{ line: 25, message: /to the cluster DNS pods in kube-system/ }],
      },
      {
        name: 'a namespace selector that does not select kube-system',
        code: pod + denyEgress(dnsRule('[{ namespaceSelector: { matchLabels: { team: dns } } }]')),
        findings: [{ line: 11 }],
      },
      {
        name: 'a policy with no workload in the input is judged for the pods it selects',
        code: denyEgress()
          .replace(/^---\n/, '')
          .replace('podSelector: {}', 'podSelector: { matchLabels: { app: api } }'),
        findings: [{ line: 6, message: /denies egress of pods app=api in shop by default/ }],
      },
      {
        name: 'policyTypes defaulted from egress rules: points at egress',
        code: `${pod}---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: api-egress, namespace: shop }
spec:
  podSelector: { matchLabels: { app: api } }
  egress:
    - to: [{ podSelector: { matchLabels: { app: db } } }]
`,
        findings: [{ line: 11, path: '/spec/egress' }],
      },
    ],
  });
});
