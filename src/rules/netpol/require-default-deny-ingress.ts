import { defineRule } from '../types.js';
import { NETPOL_REFERENCES, reportMissingDefaultDeny } from './_helpers.js';

export default defineRule({
  target: 'k8s-set',
  meta: {
    id: 'netpol/require-default-deny-ingress',
    description: 'Require a default-deny ingress NetworkPolicy in every namespace that runs workloads',
    rationale:
      'Pods that no ingress policy selects accept connections from every pod in the cluster. Policies written for some workloads leave the others, and every workload added later, open to lateral movement from any compromised pod.',
    severity: 'medium',
    threats: ['lateral-movement'],
    references: [NETPOL_REFERENCES.cis, NETPOL_REFERENCES.nsa, NETPOL_REFERENCES.docs],
    remediation:
      'Add a NetworkPolicy with `podSelector: {}` and `policyTypes: [Ingress]` (no ingress rules) to the namespace, and allow each workload its intended sources with further policies.',
    related: [
      { tool: 'kube-linter', id: 'non-isolated-pod' },
      { tool: 'kubescape', id: 'C-0260' },
    ],
    examples: [
      {
        bad: `apiVersion: v1
kind: Pod
metadata:
  name: api
  namespace: shop
  labels: { app: api }
spec:
  containers:
    - name: api
      image: ghcr.io/acme/api:1.4.2
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny-egress
  namespace: shop
spec:
  podSelector: {}
  policyTypes: [Egress]
`,
        good: `apiVersion: v1
kind: Pod
metadata:
  name: api
  namespace: shop
  labels: { app: api }
spec:
  containers:
    - name: api
      image: ghcr.io/acme/api:1.4.2
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny-ingress
  namespace: shop
spec:
  podSelector: {}
  policyTypes: [Ingress]
`,
      },
    ],
  },
  check(set, context) {
    reportMissingDefaultDeny(set, context, 'ingress', {
      open: (names, count) => `${names} accept${count === 1 ? 's' : ''} connections from every pod in the cluster.`,
      later:
        'its current workloads are each selected by some policy, but a workload added later will accept connections from everywhere.',
    });
  },
});
