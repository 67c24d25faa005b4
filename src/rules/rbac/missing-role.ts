import { settingsModel } from '../../analyzers/rbac/risk.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'k8s-set',
  meta: {
    id: 'rbac/missing-role',
    description: 'Require every binding to reference a role that exists',
    rationale:
      'A binding to a role that does not exist grants nothing today, and grants whatever the role says the day someone creates a role of that name: a dormant grant that anyone allowed to create roles there can fill in. It also usually means the intended permissions are not in place.',
    severity: 'low',
    threats: ['privilege-escalation'],
    references: ['Kubernetes RBAC: RoleBinding and ClusterRoleBinding (roleRef)'],
    remediation: 'Add the role to the manifests, fix the name or kind in `roleRef`, or delete the binding.',
    examples: [
      {
        bad: `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: app
  namespace: app
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: app-reader
subjects:
  - kind: ServiceAccount
    name: app
`,
        good: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: app-reader
  namespace: app
rules:
  - apiGroups: [""]
    resources: [configmaps]
    verbs: [get]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: app
  namespace: app
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: app-reader
subjects:
  - kind: ServiceAccount
    name: app
`,
      },
    ],
  },
  check(set, context) {
    const model = settingsModel(set, context.settings.rbac.withDefaults);
    for (const binding of model.bindings) {
      if (!binding.object || binding.role || !binding.valid) continue;
      const { kind, name } = binding.roleRef;
      const where = kind === 'Role' ? ` in namespace ${binding.namespace ?? ''}` : '';
      const invalid = model.roles.some(
        (r) => !r.valid && r.kind === kind && r.name === name && (kind === 'ClusterRole' || r.namespace === binding.namespace),
      );
      context.report({
        on: binding.object,
        path: ['roleRef', 'name'],
        message: invalid
          ? `${binding.id} references ${kind} ${name}${where}, which the API server would reject as invalid: the binding grants nothing.`
          : `${binding.id} references ${kind} ${name}${where}, which is neither in the scanned files nor a default role: the binding grants nothing until a role of that name appears.`,
      });
    }
  },
});
