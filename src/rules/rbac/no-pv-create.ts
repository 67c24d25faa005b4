import { defineRule } from '../types.js';
import { reportGrants } from './_grant.js';

export default defineRule({
  target: 'k8s-set',
  meta: {
    id: 'rbac/no-pv-create',
    description: 'Disallow creating persistent volumes',
    rationale:
      "A PersistentVolume can be a hostPath of the node's root filesystem; a pod that claims it mounts the host, and Pod Security admission does not check PersistentVolumes. Creating volumes is root on a node for anyone who can also create a claim and a pod.",
    severity: 'high',
    threats: ['host-compromise', 'permissive-volume-mount'],
    references: ['Kubernetes RBAC good practices: Persistent volume creation'],
    remediation:
      'Let a storage provisioner create volumes from StorageClasses; do not grant `create` on `persistentvolumes` to workloads or users.',
    related: [{ tool: 'kubescape', id: 'C-0048' }],
    examples: [
      {
        bad: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: agent
rules:
  - apiGroups: [""]
    resources: [persistentvolumes]
    verbs: [create]
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
    resources: [persistentvolumes]
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
          verbs: ['create'],
          targets: [['', 'persistentvolumes']],
          clusterOnly: true,
          severity: { cluster: 'high', namespace: 'high' },
        },
      ],
      (site) =>
        `${site.holder} grants ${site.what} ${site.where}: a hostPath volume of the node's root, claimed by a pod, bypasses Pod Security.`,
    );
  },
});
