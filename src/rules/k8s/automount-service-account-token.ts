import { defineRule } from '../types.js';
import { podPath } from './_pod.js';
import { automount, grantsTo, isStaticPod } from './_service-accounts.js';

export default defineRule({
  target: 'k8s-set',
  meta: {
    id: 'k8s/automount-service-account-token',
    description: 'Require service account tokens to be mounted only into pods that use the Kubernetes API',
    rationale:
      "Unless it is switched off, every container gets a token for the pod's service account at /var/run/secrets/kubernetes.io/serviceaccount. An attacker with code execution, or just a file-read or SSRF bug, reads it and talks to the API server as that account: whatever RBAC grants it, plus discovery of the cluster. Most applications never call the API. A workload is reported when its token is mounted (the pod's automountServiceAccountToken wins over the ServiceAccount's) and no RoleBinding or ClusterRoleBinding in the scan grants its account anything, which suggests it does not need one.",
    severity: 'low',
    threats: ['secret-theft', 'network-resource-access', 'privilege-escalation'],
    references: ['CIS Kubernetes 5.1.6', 'NSA/CISA Kubernetes Hardening: service account tokens'],
    remediation:
      'Set `automountServiceAccountToken: false` on the pod spec (or on its ServiceAccount). Pods that do call the API keep the token; give them a dedicated ServiceAccount with a minimal Role.',
    related: [
      { tool: 'kube-linter', id: 'automount-service-account-token' },
      { tool: 'kubescape', id: 'C-0034' },
      { tool: 'kubescape', id: 'C-0190' },
      { tool: 'trivy', id: 'KSV036' },
      { tool: 'polaris', id: 'automountServiceAccountToken' },
      { tool: 'checkov', id: 'CKV_K8S_38' },
    ],
    examples: [
      {
        bad: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: nginx:1.27
`,
        good: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  automountServiceAccountToken: false
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
      const state = automount(set, workload);
      if (!state.mounted || grantsTo(set, workload).length > 0) continue;
      const account = JSON.stringify(workload.serviceAccountName);
      const why =
        state.decidedBy === 'pod'
          ? 'automountServiceAccountToken: true'
          : state.decidedBy === 'service-account'
            ? `ServiceAccount ${account} sets automountServiceAccountToken: true`
            : 'the default';
      context.report({
        on: workload.object,
        path: podPath(workload, 'automountServiceAccountToken'),
        message: `${workload.kind} ${JSON.stringify(workload.object.name)} mounts the token of service account ${account} (${why}), but no binding in the scanned manifests grants that account anything: the token only helps an attacker reach the API server.`,
      });
    }
  },
});
