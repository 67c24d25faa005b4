import { workloadsByNamespace } from '../../analyzers/netpol/checks.js';
import { netpolAnalysisOf } from '../../analyzers/netpol/index.js';
import { defineRule } from '../types.js';
import { NETPOL_REFERENCES, plural } from './_helpers.js';

export default defineRule({
  target: 'k8s-set',
  meta: {
    id: 'netpol/selects-no-pods',
    description: 'Disallow NetworkPolicies whose podSelector matches no workload of their namespace',
    rationale:
      'A policy that selects nothing protects nothing: usually its podSelector has a typo or the workload labels changed. The workloads it was written for stay open while reviewers believe they are isolated.',
    severity: 'medium',
    threats: ['lateral-movement'],
    references: [NETPOL_REFERENCES.docs],
    remediation:
      "Make the policy's `spec.podSelector` match the pod template labels of the workloads it is meant to protect (or delete the policy if those workloads are gone).",
    related: [{ tool: 'kube-score', id: 'networkpolicy-targets-pod' }],
    examples: [
      {
        bad: `apiVersion: apps/v1
kind: Deployment
metadata: { name: api, namespace: shop }
spec:
  selector: { matchLabels: { app: api } }
  template:
    metadata: { labels: { app: api } }
    spec:
      containers: [{ name: api, image: "ghcr.io/acme/api:1.4.2" }]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: api-ingress, namespace: shop }
spec:
  podSelector:
    matchLabels: { app: apiserver }
  policyTypes: [Ingress]
`,
        good: `apiVersion: apps/v1
kind: Deployment
metadata: { name: api, namespace: shop }
spec:
  selector: { matchLabels: { app: api } }
  template:
    metadata: { labels: { app: api } }
    spec:
      containers: [{ name: api, image: "ghcr.io/acme/api:1.4.2" }]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: api-ingress, namespace: shop }
spec:
  podSelector:
    matchLabels: { app: api }
  policyTypes: [Ingress]
`,
      },
    ],
  },
  check(set, context) {
    const { model } = netpolAnalysisOf(set);
    const byNamespace = workloadsByNamespace(model);
    for (const policy of model.policies) {
      const workloads = byNamespace.get(policy.namespace);
      // Without workloads of the namespace in the input there is nothing to judge by.
      if (!workloads || workloads.length === 0) continue;
      // An operator may run pods there from custom resources (Prometheus, Alertmanager, ...).
      if (model.operatorNamespaces.has(policy.namespace)) continue;
      const selected = workloads.some((w) => policy.podSelector.matches(w.labels));
      if (selected) continue;
      context.report({
        on: policy.object,
        path: ['spec', 'podSelector'],
        message: `NetworkPolicy "${policy.id}" selects none of the ${plural(workloads.length, 'workload')} of namespace "${policy.namespace}" (podSelector ${policy.podSelector.toString()}): it protects nothing.`,
      });
    }
  },
});
