import { escalationGraph, GOAL_TEXT, type Goal } from '../../analyzers/rbac/paths.js';
import type { Severity } from '../../core/severity.js';
import { defineRule } from '../types.js';

const SEVERITY: Record<Goal, Severity> = { 'cluster-admin': 'critical', 'all-secrets': 'high', 'node-root': 'high' };
const RANK: Record<Severity, number> = { critical: 4, high: 3, medium: 2, low: 1, info: 0 };

export default defineRule({
  target: 'k8s-set',
  meta: {
    id: 'rbac/risky-workload-token',
    description: 'Disallow mounting a service-account token whose permissions are risky',
    rationale:
      "A pod is the attacker's foothold: whoever runs code in it (an application bug, a compromised dependency) reads the mounted token at /var/run/secrets/kubernetes.io/serviceaccount and gets every permission of the service account, and everything those permissions chain to.",
    severity: 'high',
    threats: ['privilege-escalation', 'secret-theft'],
    references: [
      'CIS Kubernetes 5.1.6',
      'NSA/CISA Kubernetes Hardening: service account tokens',
      'Kubernetes RBAC good practices: Least privilege',
    ],
    remediation:
      'Set `automountServiceAccountToken: false` when the workload does not call the API; otherwise give it a dedicated service account with only the permissions it uses.',
    related: [
      { tool: 'kubescape', id: 'C-0034' },
      { tool: 'checkov', id: 'CKV_K8S_38' },
    ],
    examples: [
      {
        bad: `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: web
  namespace: shop
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: edit
subjects:
  - kind: ServiceAccount
    name: web
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      serviceAccountName: web
      containers:
        - name: web
          image: nginx:1.27
`,
        good: `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: web
  namespace: shop
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: edit
subjects:
  - kind: ServiceAccount
    name: web
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      serviceAccountName: web
      automountServiceAccountToken: false
      containers:
        - name: web
          image: nginx:1.27
`,
      },
    ],
  },
  check(set, context) {
    const graph = escalationGraph(set, { withDefaults: context.settings.rbac.withDefaults });
    for (const { workload, namespace, serviceAccount } of graph.tokenWorkloads) {
      const subject = { kind: 'ServiceAccount' as const, namespace, name: serviceAccount };
      const paths = graph.pathsFrom(subject);
      const direct = graph.directActions(subject);
      if (paths.length === 0 && direct.length === 0) continue;
      let severity: Severity = 'medium';
      for (const p of paths) if (RANK[SEVERITY[p.goal]] > RANK[severity]) severity = SEVERITY[p.goal];
      const reaches = paths.map((p) => `${GOAL_TEXT[p.goal]} in ${p.steps.length} step${p.steps.length === 1 ? '' : 's'}`);
      const can = direct.slice(0, 3).join('; ') + (direct.length > 3 ? `; and ${direct.length - 3} more` : '');
      const field =
        workload.podSpec.serviceAccountName !== undefined
          ? 'serviceAccountName'
          : workload.podSpec.serviceAccount !== undefined
            ? 'serviceAccount'
            : undefined;
      const worst = paths.reduce<(typeof paths)[number] | undefined>(
        (a, p) => (a === undefined || RANK[SEVERITY[p.goal]] > RANK[SEVERITY[a.goal]] ? p : a),
        undefined,
      );
      context.report({
        on: workload.object,
        path: field ? [...workload.podSpecPath, field] : workload.podSpecPath,
        severity,
        message: `Pods of ${workload.object.id} mount the token of ServiceAccount ${namespace}/${serviceAccount}, which can ${can || 'act'}${reaches.length > 0 ? `, and reaches ${reaches.join(', ')}` : ''}.`,
        ...(worst
          ? {
              evidence: worst.steps.map(
                (s, i) =>
                  `${i + 1}. ${s.from} → ${s.to}: ${s.action}${s.source ? ` [${s.source.binding} → ${s.source.role}]` : ''}`,
              ),
            }
          : {}),
      });
    }
  },
});
