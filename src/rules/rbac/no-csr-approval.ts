import { defineRule } from '../types.js';
import { reportGrants } from './_grant.js';

export default defineRule({
  target: 'k8s-set',
  meta: {
    id: 'rbac/no-csr-approval',
    description: 'Disallow approving and signing certificate signing requests',
    rationale:
      'Whoever can create CertificateSigningRequests and approve them for the kube-apiserver-client signer issues client certificates for any user and group, system:masters included; certificates cannot be revoked before they expire.',
    severity: 'high',
    threats: ['privilege-escalation'],
    references: [
      'Kubernetes RBAC good practices: CSRs and certificate issuing',
      'Kubernetes: Certificates and Certificate Signing Requests (authorization)',
    ],
    remediation:
      'Keep approval with the kube-controller-manager and node bootstrap; if a controller must approve, limit `approve` on `signers` with `resourceNames` to its own signer.',
    related: [{ tool: 'kubescape', id: 'C-0265' }],
    examples: [
      {
        bad: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: agent
rules:
  - apiGroups: [certificates.k8s.io]
    resources: [signers]
    verbs: [approve]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: agent
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: agent
subjects:
  - kind: ServiceAccount
    name: agent
    namespace: ops
`,
        good: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: agent
rules:
  - apiGroups: [certificates.k8s.io]
    resources: [certificatesigningrequests]
    verbs: [get, list]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: agent
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: agent
subjects:
  - kind: ServiceAccount
    name: agent
    namespace: ops
`,
      },
    ],
  },
  check(set, context) {
    reportGrants(
      set,
      context,
      [
        {
          verbs: ['update', 'patch'],
          targets: [['certificates.k8s.io', 'certificatesigningrequests/approval']],
          clusterOnly: true,
          severity: { cluster: 'high', namespace: 'high' },
        },
        {
          verbs: ['approve', 'sign'],
          targets: [['certificates.k8s.io', 'signers']],
          clusterOnly: true,
          severity: { cluster: 'high', namespace: 'high' },
        },
      ],
      (site) =>
        `${site.holder} grants ${site.what} ${site.where}: approved requests become client certificates for any identity.`,
    );
  },
});
