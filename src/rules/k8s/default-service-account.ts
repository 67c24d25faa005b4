import { defineRule } from '../types.js';
import { listNames, podPath } from './_pod.js';
import { automount, grantsTo, isStaticPod } from './_service-accounts.js';

export default defineRule({
  target: 'k8s-set',
  meta: {
    id: 'k8s/default-service-account',
    description: "Disallow workloads that run as their namespace's default service account with a token",
    rationale:
      'Every pod that names no service account runs as `default`, so its identity is shared by all of them. Any permission granted to `default` (often added to make one workload work) is granted to every pod in the namespace, and a token stolen from any of them is as good as from the others. Audit logs cannot tell them apart either. Workloads whose token is not mounted are not reported: without a token the shared identity cannot be used.',
    severity: 'low',
    threats: ['privilege-escalation', 'lateral-movement'],
    references: ['CIS Kubernetes 5.1.5', 'NSA/CISA Kubernetes Hardening: service accounts'],
    remediation:
      'Create a ServiceAccount per workload and set `serviceAccountName`, or set `automountServiceAccountToken: false` when the workload does not use the API. Leave `default` without bindings, with `automountServiceAccountToken: false`.',
    related: [
      { tool: 'kube-linter', id: 'default-service-account' },
      { tool: 'kubescape', id: 'C-0189' },
      { tool: 'checkov', id: 'CKV_K8S_41' },
      { tool: 'checkov', id: 'CKV_K8S_42' },
    ],
    examples: [
      {
        bad: `apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: shop
spec:
  containers:
    - name: web
      image: nginx:1.27
`,
        good: `apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: shop
spec:
  serviceAccountName: web
  containers:
    - name: web
      image: nginx:1.27
`,
      },
    ],
  },
  check(set, context) {
    for (const workload of set.workloads) {
      if (isStaticPod(workload)) continue;
      if (workload.serviceAccountName !== 'default' || !automount(set, workload).mounted) continue;
      const grants = grantsTo(set, workload);
      const where = workload.object.namespace ? ` of namespace ${JSON.stringify(workload.object.namespace)}` : '';
      const explicit = workload.podSpec.serviceAccountName !== undefined || workload.podSpec.serviceAccount !== undefined;
      const field =
        workload.podSpec.serviceAccountName === undefined && workload.podSpec.serviceAccount !== undefined
          ? 'serviceAccount'
          : 'serviceAccountName';
      context.report({
        on: workload.object,
        path: podPath(workload, field),
        ...(grants.length > 0 ? { severity: 'medium' as const } : {}),
        message:
          `${workload.kind} ${JSON.stringify(workload.object.name)} ${explicit ? 'runs as' : 'names no service account, so it runs as'} the default service account${where} with its token mounted` +
          (grants.length > 0
            ? `, and that account is granted ${listNames(grants.map((g) => `${g.role} (by ${g.binding.kind} ${JSON.stringify(g.binding.name)})`))}: every pod of the namespace shares those rights.`
            : ': its identity and anything later granted to it are shared by every pod of the namespace.'),
      });
    }
  },
});
