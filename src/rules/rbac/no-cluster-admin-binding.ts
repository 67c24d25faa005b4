import { MASTERS } from '../../analyzers/rbac/identity.js';
import { isSuperRule } from '../../analyzers/rbac/model.js';
import { settingsModel } from '../../analyzers/rbac/risk.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'k8s-set',
  meta: {
    id: 'rbac/no-cluster-admin-binding',
    description: 'Disallow binding cluster-admin, or a role equivalent to it, to anyone but system:masters',
    rationale:
      'cluster-admin (every verb on every resource) is full control of the cluster: every secret, every node through privileged pods, and RBAC itself. A service account bound to it turns any compromise of its pods into a cluster compromise; a RoleBinding to it is full control of the namespace.',
    severity: 'critical',
    threats: ['privilege-escalation', 'secret-theft'],
    references: [
      'CIS Kubernetes 5.1.1',
      'NSA/CISA Kubernetes Hardening: least-privilege RBAC',
      'Kubernetes RBAC good practices: Least privilege',
    ],
    remediation:
      'Bind a role that lists only what the subject needs; keep cluster-admin for break-glass access through system:masters or an audited identity-provider group.',
    related: [
      { tool: 'kubescape', id: 'C-0035' },
      { tool: 'trivy', id: 'KSV111' },
      { tool: 'checkov', id: 'CKV_K8S_155' },
    ],
    examples: [
      {
        bad: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: ci
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: cluster-admin
subjects:
  - kind: ServiceAccount
    name: ci
    namespace: ci
`,
        good: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: ci
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: view
subjects:
  - kind: ServiceAccount
    name: ci
    namespace: ci
`,
      },
    ],
  },
  check(set, context) {
    const model = settingsModel(set, context.settings.rbac.withDefaults);
    for (const binding of model.bindings) {
      const role = binding.role;
      if (!binding.object || !role?.rules.some(isSuperRule)) continue;
      const others = binding.subjects.filter((s) => !(s.ref.kind === 'Group' && s.ref.name === MASTERS));
      if (others.length === 0) continue;
      const cluster = binding.kind === 'ClusterRoleBinding';
      const who = others.map((s) => `${s.ref.kind} ${s.ref.namespace ? `${s.ref.namespace}/` : ''}${s.ref.name}`).join(', ');
      const equivalent =
        role.name === 'cluster-admin' ? 'cluster-admin' : `${role.kind} ${role.name} (every verb on every resource)`;
      context.report({
        on: binding.object,
        path: ['roleRef', 'name'],
        severity: cluster ? 'critical' : 'high',
        message: cluster
          ? `${binding.id} gives ${equivalent} to ${who} across the whole cluster.`
          : `${binding.id} gives ${equivalent} to ${who} in namespace ${binding.namespace ?? ''}: full control of the namespace, its secrets and its service accounts.`,
      });
    }
  },
});
