import { namespaceAnchor, workloadsByNamespace } from '../../analyzers/netpol/checks.js';
import { netpolAnalysisOf } from '../../analyzers/netpol/index.js';
import { defineRule } from '../types.js';
import { listNames, NETPOL_REFERENCES, onPodNetwork, plural } from './_helpers.js';

export default defineRule({
  target: 'k8s-set',
  meta: {
    id: 'netpol/namespace-without-policy',
    description: 'Require a NetworkPolicy in every namespace that runs workloads',
    rationale:
      'Without any NetworkPolicy every pod accepts connections from every other pod in the cluster and can connect anywhere. An attacker who compromises one pod anywhere can reach the workloads of this namespace directly (databases, admin ports, internal APIs) and move laterally from them.',
    severity: 'high',
    threats: ['lateral-movement', 'network-resource-access'],
    references: [NETPOL_REFERENCES.cis, NETPOL_REFERENCES.nsa, NETPOL_REFERENCES.docs],
    remediation:
      'Add a default-deny NetworkPolicy to the namespace (`podSelector: {}` with `policyTypes: [Ingress, Egress]`), then allow the flows each workload needs and DNS egress. `greenbelt netpol suggest` writes such policies from a list of flows.',
    related: [
      { tool: 'kube-linter', id: 'non-isolated-pod' },
      { tool: 'kube-score', id: 'pod-networkpolicy' },
      { tool: 'kubescape', id: 'C-0260' },
    ],
    overlaps: ['netpol/require-default-deny-ingress', 'netpol/require-default-deny-egress'],
    examples: [
      {
        bad: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: web }
    spec:
      containers:
        - name: web
          image: nginx:1.27
`,
        good: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: web }
    spec:
      containers:
        - name: web
          image: nginx:1.27
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny-all
  namespace: shop
spec:
  podSelector: {}
  policyTypes: [Ingress, Egress]
`,
      },
    ],
  },
  check(set, context) {
    const { model } = netpolAnalysisOf(set);
    for (const [namespace, all] of workloadsByNamespace(model)) {
      if ((model.policiesByNamespace.get(namespace)?.length ?? 0) > 0) continue;
      const workloads = onPodNetwork(all);
      if (workloads.length === 0) continue;
      const anchor = namespaceAnchor(model, namespace);
      if (!anchor) continue;
      context.report({
        on: anchor.on,
        path: anchor.path,
        key: namespace,
        message: `Namespace "${namespace}" runs ${plural(workloads.length, 'workload')} (${listNames(workloads.map((w) => w.id))}) and has no NetworkPolicy: every pod in the cluster can reach them, and they can reach everything.`,
      });
    }
  },
});
