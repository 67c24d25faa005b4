import { ANONYMOUS, AUTHENTICATED, UNAUTHENTICATED } from '../../analyzers/rbac/identity.js';
import { settingsModel } from '../../analyzers/rbac/risk.js';
import type { Severity } from '../../core/severity.js';
import { defineRule } from '../types.js';

const READ_ONLY = new Set(['get', 'list', 'watch']);

export default defineRule({
  target: 'k8s-set',
  meta: {
    id: 'rbac/no-public-grant',
    description: 'Disallow grants to system:anonymous, system:unauthenticated and system:authenticated',
    rationale:
      'system:unauthenticated and system:anonymous are anyone who can reach the API server; system:authenticated is every user and every service account of every namespace. A grant to them is a grant to every compromised pod in the cluster, or to the internet.',
    severity: 'high',
    threats: ['control-plane-exposure', 'privilege-escalation'],
    references: [
      'CIS Kubernetes 5.1.7',
      'Kubernetes RBAC good practices: Avoid system:authenticated grants',
      'NSA/CISA Kubernetes Hardening: anonymous access',
    ],
    remediation: 'Bind the role to the specific users, groups or service accounts that need it.',
    related: [
      { tool: 'kubescape', id: 'C-0262' },
      { tool: 'trivy', id: 'KSV113' },
    ],
    examples: [
      {
        bad: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: everyone-views
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: view
subjects:
  - kind: Group
    name: system:authenticated
    apiGroup: rbac.authorization.k8s.io
`,
        good: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: ops-views
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: view
subjects:
  - kind: Group
    name: ops
    apiGroup: rbac.authorization.k8s.io
`,
      },
    ],
  },
  check(set, context) {
    const model = settingsModel(set, context.settings.rbac.withDefaults);
    for (const binding of model.bindings) {
      if (!binding.object || !binding.role) continue;
      const writes = binding.role.rules.some((r) => r.verbs.some((v) => !READ_ONLY.has(v)));
      for (const subject of binding.subjects) {
        const { kind, name } = subject.ref;
        const anonymous = (kind === 'Group' && name === UNAUTHENTICATED) || (kind === 'User' && name === ANONYMOUS);
        const everyone = kind === 'Group' && name === AUTHENTICATED;
        if (!anonymous && !everyone) continue;
        let severity: Severity = anonymous ? 'high' : 'medium';
        if (writes) severity = anonymous ? 'critical' : 'high';
        const audience = anonymous
          ? 'anyone who can reach the API server, without credentials'
          : 'every user and service account';
        context.report({
          on: binding.object,
          path: ['subjects', subject.index],
          severity,
          message: `${binding.id} grants ${binding.roleId}${writes ? ', which can change objects,' : ''} to ${kind} ${name}: that is ${audience}.`,
        });
      }
    }
  },
});
