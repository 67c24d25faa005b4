import { defineRule } from '../types.js';
import { reportGrants } from './_grant.js';

export default defineRule({
  target: 'k8s-set',
  meta: {
    id: 'rbac/no-escalate-bind',
    description: 'Disallow the escalate and bind verbs on roles',
    rationale:
      'RBAC stops a user from granting permissions they do not hold, except for these two verbs: `escalate` lets the holder write any rule into a role, `bind` lets them bind a role whose permissions they lack. Either one, on cluster-admin or on `*`, is cluster-admin.',
    severity: 'critical',
    threats: ['privilege-escalation'],
    references: [
      'Kubernetes RBAC: Restrictions on role creation or update',
      'Kubernetes RBAC good practices: Escalate verb, Bind verb',
      'CIS Kubernetes 5.1.8',
    ],
    remediation:
      'Remove `escalate` and `bind`; where a controller must manage bindings, limit `bind` with `resourceNames` to the roles it hands out.',
    related: [
      { tool: 'kubescape', id: 'C-0262' },
      { tool: 'trivy', id: 'KSV056' },
    ],
    examples: [
      {
        bad: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: agent
rules:
  - apiGroups: [rbac.authorization.k8s.io]
    resources: [clusterroles]
    verbs: [bind]
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
  - apiGroups: [rbac.authorization.k8s.io]
    resources: [clusterroles]
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
          verbs: ['escalate', 'bind'],
          targets: [
            ['rbac.authorization.k8s.io', 'roles'],
            ['rbac.authorization.k8s.io', 'clusterroles'],
          ],
          severity: { cluster: 'critical', namespace: 'high' },
        },
      ],
      (site) => `${site.holder} grants ${site.what} ${site.where}: the holder can grant itself permissions it does not have.`,
    );
  },
});
