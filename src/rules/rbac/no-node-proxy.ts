import { defineRule } from '../types.js';
import { reportGrants } from './_grant.js';

export default defineRule({
  target: 'k8s-set',
  meta: {
    id: 'rbac/no-node-proxy',
    description: 'Disallow access to nodes/proxy',
    rationale:
      'nodes/proxy reaches the kubelet API of every node through the API server: /exec and /run execute commands in any container on the node, privileged system pods included, and the kubelet does not audit them the way the API server does. It is root on every node.',
    severity: 'critical',
    threats: ['host-compromise', 'privilege-escalation', 'control-plane-exposure'],
    references: ['Kubernetes RBAC good practices: Node proxy', 'CIS Kubernetes 5.1.1'],
    remediation: 'Remove nodes/proxy; monitoring agents scrape /metrics through nodes/metrics (and nodes/stats) instead.',
    related: [{ tool: 'kubescape', id: 'C-0265' }],
    examples: [
      {
        bad: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: agent
rules:
  - apiGroups: [""]
    resources: [nodes/proxy]
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
        good: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: agent
rules:
  - apiGroups: [""]
    resources: [nodes/metrics]
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
          verbs: ['get', 'create', 'update', 'patch', 'delete'],
          targets: [['', 'nodes/proxy']],
          clusterOnly: true,
          severity: { cluster: 'critical', namespace: 'critical' },
        },
      ],
      (site) => `${site.holder} grants ${site.what} ${site.where}: the kubelet API runs commands in any container on every node.`,
    );
  },
});
