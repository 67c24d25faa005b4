import { netpolAnalysisOf } from '../../analyzers/netpol/index.js';
import { defineRule } from '../types.js';
import { NETPOL_REFERENCES, portsText } from './_helpers.js';

const DNS_ONLY = (ports: readonly { port: number | undefined; name: string | undefined }[] | undefined) =>
  ports !== undefined && ports.length > 0 && ports.every((p) => p.port === 53 && p.name === undefined);

export default defineRule({
  target: 'k8s-set',
  meta: {
    id: 'netpol/allow-all-namespaces',
    description: 'Disallow NetworkPolicy rules that admit every namespace or every source',
    rationale:
      'An empty `namespaceSelector: {}` admits pods of every namespace, including namespaces created later and those of other teams; a rule without `from`/`to` admits every pod and every address outside the cluster. A compromised pod anywhere in the cluster then reaches the protected workload, which defeats the purpose of the policy.',
    severity: 'medium',
    threats: ['lateral-movement'],
    references: [NETPOL_REFERENCES.docs, NETPOL_REFERENCES.nsa],
    remediation:
      'Name the namespaces that need access with a namespaceSelector on their `kubernetes.io/metadata.name` label, and combine it with a podSelector for the client pods in the same peer entry.',
    examples: [
      {
        bad: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: web-from-anywhere, namespace: shop }
spec:
  podSelector:
    matchLabels: { app: web }
  ingress:
    - from:
        - namespaceSelector: {}
`,
        good: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: web-from-ingress, namespace: shop }
spec:
  podSelector:
    matchLabels: { app: web }
  ingress:
    - from:
        - namespaceSelector:
            matchLabels: { kubernetes.io/metadata.name: ingress-nginx }
          podSelector:
            matchLabels: { app.kubernetes.io/name: ingress-nginx }
`,
      },
    ],
  },
  check(set, context) {
    const { model } = netpolAnalysisOf(set);
    for (const policy of model.policies) {
      for (const rule of [...policy.ingress, ...policy.egress]) {
        const applies = rule.direction === 'ingress' ? policy.affectsIngress : policy.affectsEgress;
        if (!applies) continue;
        const name = `${rule.direction} rule #${rule.index + 1}`;
        const towards = rule.direction === 'ingress' ? 'from' : 'to';
        if (rule.peers === undefined) {
          // Egress to port 53 anywhere is the common DNS allowance; it is not what this rule is about.
          if (rule.direction === 'egress' && DNS_ONLY(rule.ports)) continue;
          context.report({
            on: policy.object,
            path: rule.path,
            message: `NetworkPolicy "${policy.id}" ${name} has no \`${towards}\`: it admits every pod of every namespace and every address outside the cluster on ${portsText(rule)}.`,
          });
          continue;
        }
        for (const peer of rule.peers) {
          if (peer.kind !== 'pods' || !peer.namespaceSelector?.isEmpty) continue;
          const pods =
            peer.podSelector === undefined || peer.podSelector.isEmpty ? 'every pod' : `pods ${peer.podSelector.toString()}`;
          context.report({
            on: policy.object,
            path: [...peer.path, 'namespaceSelector'],
            message: `NetworkPolicy "${policy.id}" ${name} admits ${pods} of every namespace (\`namespaceSelector: {}\`) ${towards === 'from' ? 'as sources' : 'as destinations'}.`,
          });
        }
      }
    }
  },
});
