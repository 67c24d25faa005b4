import { issueMessage, netpolAnalysisOf } from '../../analyzers/netpol/index.js';
import { defineRule } from '../types.js';
import { NETPOL_REFERENCES } from './_helpers.js';

export default defineRule({
  target: 'k8s-set',
  meta: {
    id: 'netpol/invalid-policy',
    description: 'Disallow NetworkPolicies the API server rejects or that make the connectivity ambiguous',
    rationale:
      'A NetworkPolicy with an invalid CIDR, selector, port or peer is rejected when applied, so the isolation it was meant to give never exists, often without anyone noticing in a large apply. Duplicate names silently replace each other, and pods of one workload with different labels make the policies apply to some replicas only.',
    severity: 'high',
    threats: ['lateral-movement'],
    references: ['Kubernetes API: NetworkPolicy validation', NETPOL_REFERENCES.docs],
    remediation:
      'Fix the field named in the message: CIDRs like 10.0.0.0/8 with except ranges inside them, label keys and values of at most 63 alphanumeric characters, port numbers 1-65535 with endPort not below port, and each peer with either ipBlock or selectors.',
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
        - ipBlock: { cidr: 10.0.0.0/33 }
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
        - ipBlock: { cidr: 10.0.0.0/16 }
`,
      },
    ],
  },
  check(set, context) {
    const { model } = netpolAnalysisOf(set);
    for (const issue of model.issues) {
      if (!issue.object) continue;
      // Variants of one object in different files (overlays, editions) are normal in a repository.
      if (issue.kind === 'duplicate' && issue.other?.source?.path !== issue.object.source?.path) continue;
      context.report({
        on: issue.object,
        path: issue.path,
        key: issue.message,
        message: issueMessage(issue),
      });
    }
  },
});
