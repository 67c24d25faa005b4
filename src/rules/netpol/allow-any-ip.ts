import { isAnyAddress } from '../../analyzers/netpol/checks.js';
import { netpolAnalysisOf } from '../../analyzers/netpol/index.js';
import { defineRule } from '../types.js';
import { NETPOL_REFERENCES, portsText } from './_helpers.js';

export default defineRule({
  target: 'k8s-set',
  meta: {
    id: 'netpol/allow-any-ip',
    description: 'Disallow ipBlock peers of 0.0.0.0/0 or ::/0 in NetworkPolicy rules',
    rationale:
      'An ipBlock of 0.0.0.0/0 admits the whole internet: as an ingress source it exposes the workload to any client that can route to it, and as an egress destination it lets a compromised pod download tooling and send data to any server.',
    severity: 'medium',
    threats: ['network-port-escape', 'network-resource-access'],
    references: [NETPOL_REFERENCES.docs, NETPOL_REFERENCES.nsa],
    remediation:
      'Name the address ranges the workload really talks to (partner networks, a proxy, the load balancer subnet). For egress to the internet, send traffic through an egress proxy or gateway and allow only that.',
    examples: [
      {
        bad: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: api-egress, namespace: shop }
spec:
  podSelector:
    matchLabels: { app: api }
  policyTypes: [Egress]
  egress:
    - to:
        - ipBlock: { cidr: 0.0.0.0/0 }
      ports:
        - port: 443
`,
        good: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: api-egress, namespace: shop }
spec:
  podSelector:
    matchLabels: { app: api }
  policyTypes: [Egress]
  egress:
    - to:
        - ipBlock: { cidr: 203.0.113.0/24 }
      ports:
        - port: 443
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
          if (peer.kind !== 'ip' || !isAnyAddress(peer.cidr)) continue;
          const except = peer.except.length > 0 ? ` except ${peer.except.join(', ')}` : '';
          const what = rule.direction === 'ingress' ? 'from any address on the internet' : 'to any address on the internet';
          context.report({
            on: policy.object,
            path: [...peer.path, 'ipBlock', 'cidr'],
            message: `NetworkPolicy "${policy.id}" ${rule.direction} rule #${rule.index + 1} allows ${portsText(rule)} ${what} (ipBlock ${peer.cidr}${except}).`,
          });
        }
      }
    }
  },
});
