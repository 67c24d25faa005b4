import { metadataEgress } from '../../analyzers/netpol/checks.js';
import { netpolAnalysisOf } from '../../analyzers/netpol/index.js';
import { defineRule } from '../types.js';
import { NETPOL_REFERENCES } from './_helpers.js';

export default defineRule({
  target: 'k8s-set',
  meta: {
    id: 'netpol/egress-to-metadata',
    description: 'Disallow NetworkPolicy egress rules that admit the cloud metadata address 169.254.169.254',
    rationale:
      'The instance metadata service hands out the node credentials of the cloud account (IAM role, service account tokens) to anyone who asks over HTTP. A compromised pod that can reach 169.254.169.254 steals them and acts in the cloud account with the node identity (the Capital One breach was this path).',
    severity: 'high',
    threats: ['network-resource-access', 'secret-theft'],
    // An egress rule without `to` (`- {}`) is also netpol/allow-all-namespaces: one finding, the
    // more specific one, carrying both sets of references.
    overlaps: ['netpol/allow-all-namespaces'],
    references: [NETPOL_REFERENCES.nsa, 'MITRE ATT&CK T1552.005: Cloud Instance Metadata API', NETPOL_REFERENCES.docs],
    remediation:
      'Add the metadata address to the `except` list of broad ipBlocks (`except: [169.254.169.254/32]`), or name narrower destination ranges. Where pods need cloud credentials, use workload identity (IRSA, GKE Workload Identity) instead of the node identity.',
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
        - ipBlock: { cidr: 169.254.0.0/16 }
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
        - ipBlock:
            cidr: 169.254.0.0/16
            except: [169.254.169.254/32]
`,
      },
    ],
  },
  check(set, context) {
    const { model } = netpolAnalysisOf(set);
    for (const problem of metadataEgress(model)) {
      const { rule } = problem;
      const policy = rule.policy;
      const how = problem.peerPath ? 'its ipBlock contains' : 'it has no `to` and so admits every address, including';
      context.report({
        on: policy.object,
        path: problem.peerPath ?? rule.path,
        key: problem.address,
        message: `NetworkPolicy "${policy.id}" egress rule #${rule.index + 1} allows HTTP to the cloud metadata service: ${how} ${problem.address}.`,
      });
    }
  },
});
