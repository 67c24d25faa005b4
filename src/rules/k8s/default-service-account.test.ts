import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './default-service-account.js';

const pod = (spec: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: shop
spec:
${spec}  containers:
    - name: web
      image: nginx:1.27
`;

describe('k8s/default-service-account', () => {
  testRule(rule, {
    valid: [
      { name: 'a dedicated service account', code: pod('  serviceAccountName: web\n') },
      { name: 'default without a token', code: pod('  automountServiceAccountToken: false\n') },
      {
        name: 'a kubeadm control-plane static pod (static pods cannot use service accounts)',
        code: `apiVersion: v1
kind: Pod
metadata:
  name: kube-scheduler
  namespace: kube-system
  labels: { component: kube-scheduler, tier: control-plane }
spec:
  hostNetwork: true
  containers:
    - name: kube-scheduler
      image: registry.k8s.io/kube-scheduler:v1.33.2
`,
      },
      {
        name: "a static pod in the kubelet's manifest directory",
        filename: '/etc/kubernetes/manifests/haproxy.yaml',
        code: pod('  hostNetwork: true\n'),
      },
      {
        name: 'a mirror pod read back from a cluster',
        code: `apiVersion: v1
kind: Pod
metadata:
  name: haproxy-node1
  namespace: infra
  annotations: { kubernetes.io/config.mirror: abc, kubernetes.io/config.source: file }
spec:
  containers:
    - name: haproxy
      image: haproxy:2.9
`,
      },
      {
        name: 'default whose ServiceAccount object switches the token off',
        code: `${pod('')}---
apiVersion: v1
kind: ServiceAccount
metadata: { name: default, namespace: shop }
automountServiceAccountToken: false
`,
      },
    ],
    invalid: [
      {
        name: 'no service account named',
        code: pod(''),
        findings: [
          {
            line: 6,
            severity: 'low',
            path: '/spec/serviceAccountName',
            message: /names no service account, so it runs as the default service account of namespace "shop"/,
          },
        ],
      },
      {
        name: 'default named explicitly, and granted a role: medium',
        code: `${pod('  serviceAccountName: default\n')}---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: { name: default-edit, namespace: shop }
roleRef: { apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: edit }
subjects:
  - { kind: ServiceAccount, name: default }
`,
        findings: [
          {
            line: 7,
            severity: 'medium',
            message: /runs as the default service account .* granted ClusterRole "edit" \(by RoleBinding "default-edit"\)/,
          },
        ],
      },
    ],
  });
});
