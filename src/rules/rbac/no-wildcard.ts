import { roleScope, settingsModel } from '../../analyzers/rbac/risk.js';
import { defineRule } from '../types.js';

const FIELDS = ['verbs', 'resources', 'apiGroups', 'nonResourceURLs'] as const;

export default defineRule({
  target: 'k8s-set',
  meta: {
    id: 'rbac/no-wildcard',
    description: 'Disallow `*` in the verbs, resources, apiGroups or nonResourceURLs of a role',
    rationale:
      'A wildcard grants everything that exists now and everything added later: `resources: ["*"]` includes secrets, pods/exec and nodes/proxy; `verbs: ["*"]` includes escalate, bind and impersonate; `apiGroups: ["*"]` includes every CRD a future operator installs. Nobody reviewing the role sees what it really allows.',
    severity: 'high',
    threats: ['privilege-escalation', 'secret-theft'],
    references: [
      'CIS Kubernetes 5.1.3',
      'Kubernetes RBAC good practices: Least privilege',
      'NSA/CISA Kubernetes Hardening: least-privilege RBAC',
    ],
    remediation:
      'List the verbs, resources and API groups the workload uses (`kubectl auth can-i --list` or the audit log shows them) instead of `*`.',
    related: [
      { tool: 'kubescape', id: 'C-0187' },
      { tool: 'trivy', id: 'KSV044' },
      { tool: 'checkov', id: 'CKV_K8S_49' },
    ],
    examples: [
      {
        bad: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: app
  namespace: app
rules:
  - apiGroups: [""]
    resources: ["*"]
    verbs: [get, list]
`,
        good: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: app
  namespace: app
rules:
  - apiGroups: [""]
    resources: [configmaps]
    verbs: [get, list]
`,
      },
    ],
  },
  check(set, context) {
    const model = settingsModel(set, context.settings.rbac.withDefaults);
    for (const role of model.roles) {
      if (!role.object) continue;
      const { scope, where } = roleScope(model, role);
      role.ownRules.forEach((rule, index) => {
        const wild = FIELDS.filter((field) => rule[field].includes('*'));
        if (wild.length === 0) return;
        const first = wild[0] as (typeof FIELDS)[number];
        const all = rule.verbs.includes('*') && rule.resources.includes('*') && rule.apiGroups.includes('*');
        const severity = scope === 'cluster' ? (all ? 'critical' : 'high') : all ? 'high' : 'medium';
        const name = `${role.kind} ${role.namespace ? `${role.namespace}/` : ''}${role.name}`;
        context.report({
          on: role.object,
          path: ['rules', index, first, rule[first].indexOf('*')],
          severity,
          message: `${name} uses * in ${wild.join(', ')} (${where})${all ? ': every verb on every resource, the same as cluster-admin in its scope' : ': it grants whatever exists, including what is added later'}.`,
        });
      });
    }
  },
});
