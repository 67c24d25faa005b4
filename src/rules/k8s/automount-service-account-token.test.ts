import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './automount-service-account-token.js';

const deployment = (spec: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
${spec}      containers:
        - name: web
          image: nginx:1.27
`;

const serviceAccount = (name: string, automount?: boolean) => `---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: ${name}
  namespace: shop
${automount === undefined ? '' : `automountServiceAccountToken: ${automount}\n`}`;

const roleBinding = (subject: string) => `---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: web-reader
  namespace: shop
roleRef: { apiGroup: rbac.authorization.k8s.io, kind: Role, name: reader }
subjects:
${subject}
`;

describe('k8s/automount-service-account-token', () => {
  testRule(rule, {
    valid: [
      { name: 'switched off on the pod', code: deployment('      automountServiceAccountToken: false\n') },
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
        name: 'switched off on the ServiceAccount in the scan',
        code: deployment('      serviceAccountName: web\n') + serviceAccount('web', false),
      },
      {
        name: 'the account is bound to a role in the scan: the workload uses the API',
        code: deployment('      serviceAccountName: web\n') + roleBinding('  - kind: ServiceAccount\n    name: web'),
      },
    ],
    invalid: [
      {
        name: 'the default: mounted, no binding',
        code: deployment(''),
        findings: [
          {
            line: 10,
            severity: 'low',
            path: '/spec/template/spec/automountServiceAccountToken',
            message: /mounts the token of service account "default" \(the default\)/,
          },
        ],
      },
      {
        name: "the pod's true wins over the ServiceAccount's false",
        code:
          deployment('      serviceAccountName: web\n      automountServiceAccountToken: true\n') + serviceAccount('web', false),
        findings: [{ line: 12, column: 7, message: /\(automountServiceAccountToken: true\)/ }],
      },
      {
        name: 'a binding for the group of all service accounts is not evidence that this workload needs a token',
        code:
          deployment('') +
          roleBinding('  - kind: Group\n    name: system:serviceaccounts:shop\n    apiGroup: rbac.authorization.k8s.io'),
        findings: [{ line: 10, message: /service account "default" \(the default\)/ }],
      },
      {
        name: 'a binding for an account of another namespace does not count',
        code:
          deployment('      serviceAccountName: web\n') +
          roleBinding('  - kind: ServiceAccount\n    name: web\n    namespace: other') +
          serviceAccount('web', true),
        findings: [{ line: 10, message: /ServiceAccount "web" sets automountServiceAccountToken: true/ }],
      },
    ],
  });
});
