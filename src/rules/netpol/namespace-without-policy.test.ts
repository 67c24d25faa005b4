import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './namespace-without-policy.js';

const deployment = (namespace?: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web${namespace ? `\n  namespace: ${namespace}` : ''}
spec:
  template:
    metadata:
      labels: { app: web }
    spec:
      containers: [{ name: web, image: "nginx:1.27" }]
`;

const namespaceObject = `apiVersion: v1
kind: Namespace
metadata:
  name: shop
---
`;

const policy = (namespace: string) => `---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: only-web, namespace: ${namespace} }
spec:
  podSelector: { matchLabels: { app: web } }
`;

describe('netpol/namespace-without-policy', () => {
  testRule(rule, {
    valid: [
      { name: 'a policy in the namespace', code: deployment('shop') + policy('shop') },
      { name: 'a namespace without workloads', code: `${namespaceObject}${policy('other')}` },
      { name: 'no namespace: the default namespace has a policy', code: deployment() + policy('default') },
      {
        name: 'only host-network pods (control-plane static pods): no policy can apply to them',
        code: `apiVersion: v1
kind: Pod
metadata: { name: kube-apiserver, namespace: kube-system, labels: { component: kube-apiserver, tier: control-plane } }
spec:
  hostNetwork: true
  containers: [{ name: kube-apiserver, image: "registry.k8s.io/kube-apiserver:v1.33.2" }]
`,
      },
    ],
    invalid: [
      {
        name: 'points at the first workload when there is no Namespace object',
        code: deployment('shop'),
        findings: [
          { line: 5, path: '/metadata/namespace', message: /Namespace "shop" runs 1 workload \(shop\/web\[Deployment\]\)/ },
        ],
      },
      {
        name: 'host-network pods are left out of the list',
        code: `apiVersion: v1
kind: Pod
metadata: { name: agent, namespace: shop }
spec:
  hostNetwork: true
  containers: [{ name: agent, image: "agent:1.0" }]
---
${deployment('shop')}`,
        findings: [{ line: 3, message: /runs 1 workload \(shop\/web\[Deployment\]\)/ }],
      },
      {
        name: 'points at the Namespace object when there is one',
        code: namespaceObject + deployment('shop'),
        findings: [{ line: 4, path: '/metadata/name', severity: 'high' }],
      },
      {
        name: 'a policy in another namespace does not count',
        code: deployment('shop') + policy('other'),
        findings: [{ line: 5 }],
      },
      {
        name: 'workloads without a namespace are in default',
        code: deployment(),
        findings: [{ line: 3, message: /Namespace "default"/ }],
      },
    ],
  });
});
