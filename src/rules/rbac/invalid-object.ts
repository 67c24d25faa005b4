import { settingsModel } from '../../analyzers/rbac/risk.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'k8s-set',
  meta: {
    id: 'rbac/invalid-object',
    description: 'Require RBAC objects that the API server accepts',
    rationale:
      'The API server rejects a role or binding that fails validation (a rule without verbs or apiGroups, nonResourceURLs in a Role, a ClusterRoleBinding to a Role, a ServiceAccount subject without a namespace in a ClusterRoleBinding, a misspelt subject kind): the intended policy silently does not exist, and whoever reads the manifest believes otherwise.',
    severity: 'medium',
    threats: ['privilege-escalation'],
    references: ['Kubernetes API: rbac.authorization.k8s.io/v1 validation', 'Kubernetes RBAC: Referring to subjects'],
    remediation: 'Fix the field the message names; `kubectl apply --dry-run=server` shows the same error.',
    examples: [
      {
        bad: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: agent
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: view
subjects:
  - kind: ServiceAccount
    name: agent
`,
        good: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: agent
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: view
subjects:
  - kind: ServiceAccount
    name: agent
    namespace: ops
`,
      },
    ],
  },
  check(set, context) {
    const model = settingsModel(set, context.settings.rbac.withDefaults);
    for (const item of [...model.roles, ...model.bindings]) {
      if (!item.object) continue;
      for (const problem of item.problems) {
        context.report({ on: item.object, path: problem.path, message: `${item.id}: ${problem.message}.`, key: problem.message });
      }
    }
  },
});
