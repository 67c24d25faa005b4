import { netpolAnalysisOf } from '../../analyzers/netpol/index.js';
import { defineRule } from '../types.js';
import { NETPOL_REFERENCES } from './_helpers.js';

export default defineRule({
  target: 'k8s-set',
  meta: {
    id: 'netpol/allow-all-pods',
    description: 'Disallow NetworkPolicy peers that admit every pod of the namespace with an empty podSelector',
    rationale:
      'A peer `podSelector: {}` admits every pod of the policy namespace, including pods added later. If any of them is compromised (a debug pod, a job with a vulnerable dependency) it reaches the protected workload. Least privilege names the client pods.',
    severity: 'low',
    threats: ['lateral-movement'],
    references: [NETPOL_REFERENCES.docs, NETPOL_REFERENCES.nsa],
    remediation: 'Replace `podSelector: {}` with a selector on the labels of the pods that need the connection.',
    examples: [
      {
        bad: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: db-from-namespace, namespace: shop }
spec:
  podSelector:
    matchLabels: { app: db }
  ingress:
    - from:
        - podSelector: {}
      ports:
        - port: 5432
`,
        good: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: db-from-api, namespace: shop }
spec:
  podSelector:
    matchLabels: { app: db }
  ingress:
    - from:
        - podSelector:
            matchLabels: { app: api }
      ports:
        - port: 5432
`,
      },
    ],
  },
  check(set, context) {
    const { model } = netpolAnalysisOf(set);
    for (const policy of model.policies) {
      for (const rule of [...policy.ingress, ...policy.egress]) {
        if (rule.direction === 'ingress' ? !policy.affectsIngress : !policy.affectsEgress) continue;
        for (const peer of rule.peers ?? []) {
          if (peer.kind !== 'pods' || peer.namespaceSelector !== undefined || !peer.podSelector?.isEmpty) continue;
          context.report({
            on: policy.object,
            path: [...peer.path, 'podSelector'],
            message: `NetworkPolicy "${policy.id}" ${rule.direction} rule #${rule.index + 1} admits every pod of namespace "${policy.namespace}" (\`podSelector: {}\`) ${rule.direction === 'ingress' ? 'as sources' : 'as destinations'}.`,
          });
        }
      }
    }
  },
});
