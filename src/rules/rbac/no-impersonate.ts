import { defineRule } from '../types.js';
import { reportGrants } from './_grant.js';

export default defineRule({
  target: 'k8s-set',
  meta: {
    id: 'rbac/no-impersonate',
    description: 'Disallow impersonation of users, groups and service accounts',
    rationale:
      '`impersonate` lets the holder send requests as another user, group or service account; impersonating the group system:masters, or any user bound to cluster-admin, is cluster-admin, and the audit log records the impersonated identity.',
    severity: 'critical',
    threats: ['privilege-escalation', 'undetected-activity'],
    references: [
      'Kubernetes RBAC good practices: Impersonate verb',
      'Kubernetes authentication: User impersonation',
      'CIS Kubernetes 5.1.8',
    ],
    remediation: 'Remove `impersonate`, or limit it with `resourceNames` to the identities an access proxy must act for.',
    related: [
      { tool: 'kubescape', id: 'C-0065' },
      { tool: 'trivy', id: 'KSV043' },
    ],
    examples: [
      {
        bad: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: agent
rules:
  - apiGroups: [""]
    resources: [users, groups]
    verbs: [impersonate]
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
  - apiGroups: [""]
    resources: [users]
    verbs: [get]
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
          verbs: ['impersonate'],
          targets: [
            ['', 'users'],
            ['', 'groups'],
            ['', 'serviceaccounts'],
            ['authentication.k8s.io', 'uids'],
            ['authentication.k8s.io', 'userextras'],
          ],
          severity: { cluster: 'critical', namespace: 'high' },
        },
      ],
      (site) =>
        `${site.holder} grants ${site.what} ${site.where}: the holder acts as other identities and inherits their permissions.`,
    );
  },
});
