import { defineRule } from '../types.js';
import { NETPOL_REFERENCES, reportMissingDefaultDeny } from './_helpers.js';

export default defineRule({
  target: 'k8s-set',
  meta: {
    id: 'netpol/require-default-deny-egress',
    description: 'Require a default-deny egress NetworkPolicy in every namespace that runs workloads',
    rationale:
      'Pods that no egress policy selects can connect to anything: other pods, the Kubernetes API, cloud metadata endpoints and the internet. A compromised pod then scans and attacks internal services, fetches credentials from the metadata service and sends data out.',
    severity: 'medium',
    threats: ['lateral-movement', 'network-resource-access'],
    references: [NETPOL_REFERENCES.cis, NETPOL_REFERENCES.nsa, NETPOL_REFERENCES.docs],
    remediation:
      'Add a NetworkPolicy with `podSelector: {}` and `policyTypes: [Egress]` (no egress rules) to the namespace, then allow DNS and the intended destinations of each workload with further policies.',
    related: [{ tool: 'kubescape', id: 'C-0260' }],
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
  name: default-deny-ingress
  namespace: shop
spec:
  podSelector: {}
  policyTypes: [Ingress]
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
  name: default-deny-egress
  namespace: shop
spec:
  podSelector: {}
  policyTypes: [Egress]
`,
      },
    ],
  },
  check(set, context) {
    reportMissingDefaultDeny(set, context, 'egress', {
      open: (names) => `${names} can connect to any pod and any address outside the cluster.`,
      later: 'its current workloads are each selected by some policy, but a workload added later can connect anywhere.',
    });
  },
});
