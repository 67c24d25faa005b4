import { defineRule } from '../types.js';
import { reportGrants } from './_grant.js';

export default defineRule({
  target: 'k8s-set',
  meta: {
    id: 'rbac/no-secret-list',
    description: 'Disallow list and watch on secrets',
    rationale:
      'Listing or watching secrets returns every secret of the scope with its data: service-account tokens, TLS keys, database passwords. One stolen credential with this grant is every credential of the namespace, or of the cluster when a ClusterRoleBinding grants it.',
    severity: 'critical',
    threats: ['secret-theft'],
    references: [
      'CIS Kubernetes 5.1.2',
      'NSA/CISA Kubernetes Hardening: least-privilege RBAC',
      'Kubernetes RBAC good practices: Listing secrets',
    ],
    remediation:
      'Grant `get` on the few secrets the workload needs, named in `resourceNames`, instead of `list`/`watch` on all of them; or mount the secrets into the pod and grant nothing.',
    related: [
      { tool: 'kubescape', id: 'C-0015' },
      { tool: 'trivy', id: 'KSV041' },
      { tool: 'checkov', id: 'CKV2_K8S_5' },
    ],
    overlaps: ['rbac/no-secret-get'],
    examples: [
      {
        bad: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: reader
  namespace: app
rules:
  - apiGroups: [""]
    resources: [secrets]
    verbs: [get, list, watch]
`,
        good: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: reader
  namespace: app
rules:
  - apiGroups: [""]
    resources: [secrets]
    resourceNames: [app-db]
    verbs: [get]
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
          verbs: ['list', 'watch'],
          targets: [['', 'secrets']],
          skipNamed: true,
          severity: { cluster: 'critical', namespace: 'high' },
        },
      ],
      (site) =>
        `${site.holder} grants ${site.what} ${site.where}: listing returns the data of every secret, tokens and keys included.`,
    );
  },
});
