import { defineRule } from '../types.js';
import { reportGrants } from './_grant.js';

export default defineRule({
  target: 'k8s-set',
  meta: {
    id: 'rbac/no-token-create',
    description: 'Disallow creating service-account tokens',
    rationale:
      'create on serviceaccounts/token mints a bearer token for any service account of the scope (or those in resourceNames): the holder becomes those service accounts for as long as the token lives, without touching a pod.',
    severity: 'high',
    threats: ['privilege-escalation', 'secret-theft'],
    references: ['Kubernetes RBAC good practices: Token request', 'CIS Kubernetes 5.1.6'],
    remediation:
      'Remove `create` on `serviceaccounts/token`, or limit it with `resourceNames` to the service accounts the holder must issue tokens for.',
    related: [{ tool: 'kubescape', id: 'C-0272' }],
    examples: [
      {
        bad: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: agent
  namespace: app
rules:
  - apiGroups: [""]
    resources: [serviceaccounts/token]
    verbs: [create]
`,
        good: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: agent
  namespace: app
rules:
  - apiGroups: [""]
    resources: [serviceaccounts]
    verbs: [get]
`,
      },
    ],
  },
  check(set, context) {
    reportGrants(
      set,
      context,
      [{ verbs: ['create'], targets: [['', 'serviceaccounts/token']], severity: { cluster: 'high', namespace: 'medium' } }],
      (site) => `${site.holder} grants ${site.what} ${site.where}: the holder mints tokens and becomes those service accounts.`,
    );
  },
});
