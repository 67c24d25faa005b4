import { dnsProblems } from '../../analyzers/netpol/checks.js';
import { netpolAnalysisOf } from '../../analyzers/netpol/index.js';
import type { Path } from '../../sources/yaml.js';
import { defineRule } from '../types.js';
import { listNames, NETPOL_REFERENCES } from './_helpers.js';

export default defineRule({
  target: 'k8s-set',
  meta: {
    id: 'netpol/egress-blocks-dns',
    description: 'Require egress to cluster DNS on port 53 over UDP and TCP when egress is denied by default',
    rationale:
      'A default-deny egress policy also blocks name resolution: pods it selects cannot look up Services or external names, so the workload fails. DNS falls back to TCP for large answers, so allowing only UDP breaks lookups intermittently. The usual "fix" under pressure is to delete the egress policy, which opens the workload to exfiltration and lateral movement again.',
    severity: 'medium',
    threats: ['resource-starvation', 'lateral-movement'],
    references: [NETPOL_REFERENCES.docs, 'Kubernetes documentation: DNS for Services and Pods', NETPOL_REFERENCES.nsa],
    remediation:
      'Add an egress rule to the pods the policy selects that allows UDP and TCP port 53 to the cluster DNS pods, for example `to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}, podSelector: {matchLabels: {k8s-app: kube-dns}}}]` with `ports: [{protocol: UDP, port: 53}, {protocol: TCP, port: 53}]`.',
    examples: [
      {
        bad: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny-egress
  namespace: shop
spec:
  podSelector: {}
  policyTypes: [Egress]
`,
        good: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny-egress
  namespace: shop
spec:
  podSelector: {}
  policyTypes: [Egress]
  egress:
    - to:
        - namespaceSelector:
            matchLabels: { kubernetes.io/metadata.name: kube-system }
          podSelector:
            matchLabels: { k8s-app: kube-dns }
      ports:
        - { protocol: UDP, port: 53 }
        - { protocol: TCP, port: 53 }
`,
      },
    ],
  },
  check(set, context) {
    const analysis = netpolAnalysisOf(set);
    for (const problem of dnsProblems(analysis.connectivity)) {
      const allowed = problem.allowed.isEmpty ? 'nothing' : `only ${problem.allowed}`;
      const where = problem.assumed
        ? 'the cluster DNS pods (kube-system, k8s-app=kube-dns, assumed: the input has none)'
        : 'the cluster DNS pods in kube-system';
      for (const policy of problem.policies) {
        const typeIndex = policy.object.get(['spec', 'policyTypes']);
        const index = Array.isArray(typeIndex) ? typeIndex.indexOf('Egress') : -1;
        const path: Path = index >= 0 ? ['spec', 'policyTypes', index] : ['spec', 'egress'];
        context.report({
          on: policy.object,
          path,
          message: `NetworkPolicy "${policy.id}" denies egress of ${listNames(problem.workloads)} by default and nothing allows DNS (port 53 over UDP and TCP) to ${where}; egress allows ${allowed} there, so name resolution fails.`,
        });
      }
    }
  },
});
