import {
  defaultDenyPolicies,
  namespaceAnchor,
  unisolatedWorkloads,
  workloadsByNamespace,
} from '../../analyzers/netpol/checks.js';
import { netpolAnalysisOf } from '../../analyzers/netpol/index.js';
import { defineRule } from '../types.js';
import { listNames, NETPOL_REFERENCES, onPodNetwork } from './_helpers.js';

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
    const { model, connectivity } = netpolAnalysisOf(set);
    for (const [namespace, all] of workloadsByNamespace(model)) {
      if (defaultDenyPolicies(model, namespace, 'ingress').length > 0) continue;
      const workloads = onPodNetwork(all);
      if (workloads.length === 0) continue;
      const anchor = namespaceAnchor(model, namespace);
      if (!anchor) continue;
      const open = unisolatedWorkloads(connectivity, workloads, 'ingress');
      context.report({
        on: anchor.on,
        path: anchor.path,
        key: namespace,
        ...(open.length === 0 ? { severity: 'low' as const } : {}),
        message:
          open.length > 0
            ? `Namespace "${namespace}" has no default-deny ingress policy: ${listNames(open.map((w) => w.id))} accept${open.length === 1 ? 's' : ''} connections from every pod in the cluster.`
            : `Namespace "${namespace}" has no default-deny ingress policy: its current workloads are each selected by some policy, but a workload added later will accept connections from everywhere.`,
      });
    }
  },
});
