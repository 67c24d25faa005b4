import { defineRule } from '../types.js';
import { reportGrants } from './_grant.js';

export default defineRule({
  target: 'k8s-set',
  meta: {
    id: 'rbac/no-policy-write',
    description: 'Disallow changing admission webhooks, admission policies, CRDs and RBAC',
    rationale:
      "Admission webhooks and policies see and rewrite every object sent to the API server (a mutating webhook can inject a privileged container into every pod, read every Secret created); CustomResourceDefinitions define what the cluster's controllers trust; writing roles and bindings is the RBAC system itself. Whoever changes them changes the rules for everyone.",
    severity: 'high',
    threats: ['privilege-escalation', 'control-plane-exposure'],
    references: [
      'Kubernetes RBAC good practices: Control admission webhooks',
      'NSA/CISA Kubernetes Hardening: least-privilege RBAC',
    ],
    remediation:
      'Keep these resources with cluster administrators and the GitOps pipeline; a controller that manages its own webhook should get `resourceNames` limited to that webhook.',
    related: [{ tool: 'kubescape', id: 'C-0036' }],
    examples: [
      {
        bad: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: agent
rules:
  - apiGroups: [admissionregistration.k8s.io]
    resources: [mutatingwebhookconfigurations]
    verbs: [create, update]
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
  - apiGroups: [admissionregistration.k8s.io]
    resources: [mutatingwebhookconfigurations]
    verbs: [get, list, watch]
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
          verbs: ['create', 'update', 'patch', 'delete'],
          targets: [
            ['admissionregistration.k8s.io', 'mutatingwebhookconfigurations'],
            ['admissionregistration.k8s.io', 'validatingwebhookconfigurations'],
            ['admissionregistration.k8s.io', 'validatingadmissionpolicies'],
            ['admissionregistration.k8s.io', 'validatingadmissionpolicybindings'],
            ['admissionregistration.k8s.io', 'mutatingadmissionpolicies'],
            ['admissionregistration.k8s.io', 'mutatingadmissionpolicybindings'],
            ['apiextensions.k8s.io', 'customresourcedefinitions'],
            ['rbac.authorization.k8s.io', 'clusterroles'],
            ['rbac.authorization.k8s.io', 'clusterrolebindings'],
          ],
          clusterOnly: true,
          skipNamed: true,
          severity: { cluster: 'high', namespace: 'high' },
        },
        {
          verbs: ['create', 'update', 'patch', 'delete'],
          targets: [
            ['rbac.authorization.k8s.io', 'roles'],
            ['rbac.authorization.k8s.io', 'rolebindings'],
          ],
          skipNamed: true,
          severity: { cluster: 'high', namespace: 'medium' },
        },
      ],
      (site) => `${site.holder} grants ${site.what} ${site.where}: the holder rewrites the policy that governs everyone else.`,
    );
  },
});
