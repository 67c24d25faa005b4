import { defineRule } from '../types.js';
import { reportGrants } from './_grant.js';

export default defineRule({
  target: 'k8s-set',
  meta: {
    id: 'rbac/no-secret-get',
    description: 'Disallow get on secrets without resourceNames',
    rationale:
      'Get on secrets without resourceNames reads any secret whose name is known, and names are easy to learn from pod specs, events and conventions (`<sa>-token-...`, `sh.helm.release...`). A compromised holder reads service-account tokens and credentials of the whole scope.',
    severity: 'high',
    threats: ['secret-theft'],
    references: ['CIS Kubernetes 5.1.2', 'NSA/CISA Kubernetes Hardening: least-privilege RBAC'],
    remediation: 'Name the secrets the workload needs in `resourceNames`, or mount them into the pod and grant no secret access.',
    related: [
      { tool: 'kubescape', id: 'C-0015' },
      { tool: 'trivy', id: 'KSV041' },
    ],
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
    verbs: [get]
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
      [{ verbs: ['get'], targets: [['', 'secrets']], skipNamed: true, severity: { cluster: 'high', namespace: 'medium' } }],
      (site) => `${site.holder} grants ${site.what} ${site.where}: any secret whose name is known can be read.`,
    );
  },
});
