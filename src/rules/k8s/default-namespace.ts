import { defineRule } from '../types.js';

export default defineRule({
  target: 'k8s',
  meta: {
    id: 'k8s/default-namespace',
    description: 'Disallow objects placed in the default namespace',
    rationale:
      'Namespaces are where RBAC, NetworkPolicy, ResourceQuota, LimitRange and Pod Security Admission levels are applied. The default namespace is shared by everything that forgot to pick one, usually has none of those controls, and is where a stray `kubectl run` lands, so workloads there share identities and network reach with unknown neighbours. Only an explicit `namespace: default` is reported; objects without a namespace get theirs when they are applied (`kubectl -n`, kustomize, Helm, Argo CD), and that is not visible in the manifest.',
    severity: 'low',
    threats: ['lateral-movement', 'privilege-escalation'],
    references: ['CIS Kubernetes 5.7.1', 'CIS Kubernetes 5.7.4', 'NSA/CISA Kubernetes Hardening: namespaces'],
    remediation:
      'Create a namespace per application or team, with its RBAC, NetworkPolicy, quotas and Pod Security level, and set `metadata.namespace` to it.',
    related: [
      { tool: 'kube-linter', id: 'use-namespace' },
      { tool: 'kubescape', id: 'C-0061' },
      { tool: 'kubescape', id: 'C-0212' },
      { tool: 'trivy', id: 'KSV110' },
      { tool: 'checkov', id: 'CKV_K8S_21' },
    ],
    examples: [
      {
        bad: `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
  namespace: default
data:
  LOG_LEVEL: info
`,
        good: `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
  namespace: shop
data:
  LOG_LEVEL: info
`,
      },
    ],
  },
  check(object, context) {
    if (object.namespace !== 'default' || object.clusterScoped) return;
    // The API server's own Service and its endpoints live in default by design.
    if (object.name === 'kubernetes' && ['Service', 'Endpoints', 'EndpointSlice'].includes(object.kind)) return;
    context.report({
      path: ['metadata', 'namespace'],
      message: `${object.kind} ${JSON.stringify(object.name)} is placed in the default namespace, which is shared with everything that names no namespace and usually has no RBAC, NetworkPolicy or quota of its own.`,
    });
  },
});
