import { SA_GROUP } from '../../analyzers/rbac/identity.js';
import { settingsModel } from '../../analyzers/rbac/risk.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'k8s-set',
  meta: {
    id: 'rbac/no-default-sa-grant',
    description: 'Disallow granting permissions to the default service account or to every service account',
    rationale:
      'Every pod that names no service account runs as `default` and, unless told otherwise, mounts its token; a grant to it is a grant to every such pod of the namespace. A grant to the group system:serviceaccounts (or system:serviceaccounts:<ns>) reaches every pod of the cluster (or namespace).',
    severity: 'medium',
    threats: ['privilege-escalation'],
    references: [
      'CIS Kubernetes 5.1.5',
      'Kubernetes: Configure Service Accounts for Pods',
      'NSA/CISA Kubernetes Hardening: service account tokens',
    ],
    remediation:
      'Create a dedicated service account for the workload that needs the permission, bind the role to it and set `serviceAccountName`.',
    related: [
      { tool: 'kubescape', id: 'C-0189' },
      { tool: 'checkov', id: 'CKV_K8S_38' },
    ],
    examples: [
      {
        bad: `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: app
  namespace: app
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: view
subjects:
  - kind: ServiceAccount
    name: default
    namespace: app
`,
        good: `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: app
  namespace: app
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: view
subjects:
  - kind: ServiceAccount
    name: app
    namespace: app
`,
      },
    ],
  },
  check(set, context) {
    const model = settingsModel(set, context.settings.rbac.withDefaults);
    for (const binding of model.bindings) {
      if (!binding.object || !binding.role) continue;
      const cluster = binding.kind === 'ClusterRoleBinding';
      for (const subject of binding.subjects) {
        const { kind, name, namespace } = subject.ref;
        let who: string | undefined;
        if (kind === 'ServiceAccount' && name === 'default')
          who = `the default service account of ${namespace ?? ''}, which every pod that names no service account runs as`;
        else if (kind === 'Group' && name === SA_GROUP) who = 'every service account of every namespace';
        else if (kind === 'Group' && name.startsWith(`${SA_GROUP}:`))
          who = `every service account of namespace ${name.slice(SA_GROUP.length + 1)}`;
        if (!who) continue;
        context.report({
          on: binding.object,
          path: ['subjects', subject.index],
          severity: cluster || name === SA_GROUP ? 'high' : 'medium',
          message: `${binding.id} grants ${binding.roleId}${cluster ? ' cluster-wide' : ''} to ${who}.`,
        });
      }
    }
  },
});
