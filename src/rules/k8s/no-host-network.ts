import { defineRule } from '../types.js';
import { controlPlaneComponent } from './_control-plane.js';
import { podPath } from './_pod.js';

export default defineRule({
  target: 'workload',
  meta: {
    id: 'k8s/no-host-network',
    description: "Disallow pods that share the node's network namespace",
    rationale:
      "With `hostNetwork: true` the pod uses the node's network stack: it can reach services bound to the node's loopback (the kubelet's local ports, etcd on control-plane nodes, node agents), listen on any node port, bypass NetworkPolicy (which does not apply to host-network pods), and, with NET_RAW, see the traffic of every pod on the node. It also reaches the cloud metadata service without the per-pod blocks that CNI plugins apply.",
    severity: 'high',
    threats: ['host-compromise', 'network-sniffing', 'network-resource-access', 'lateral-movement'],
    references: [
      'CIS Kubernetes 5.2.5',
      'NSA/CISA Kubernetes Hardening: host namespace sharing',
      'PSS baseline: Host Namespaces',
    ],
    remediation:
      'Remove `hostNetwork: true` and expose the workload through a Service. Only node-level network agents (CNI, kube-proxy) need it; run those in a dedicated, reviewed namespace.',
    related: [
      { tool: 'kube-linter', id: 'host-network' },
      { tool: 'kubescape', id: 'C-0041' },
      { tool: 'trivy', id: 'KSV009' },
      { tool: 'polaris', id: 'hostNetworkSet' },
      { tool: 'checkov', id: 'CKV_K8S_19' },
    ],
    overlaps: ['pss/host-namespaces'],
    examples: [
      {
        bad: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  hostNetwork: true
  containers:
    - name: web
      image: nginx:1.27
`,
        good: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: nginx:1.27
`,
      },
    ],
  },
  check(workload, context) {
    if (workload.podSpec.hostNetwork !== true) return;
    const component = controlPlaneComponent(workload);
    if (component) {
      context.report({
        path: podPath(workload, 'hostNetwork'),
        severity: 'info',
        message: `${workload.kind} ${JSON.stringify(workload.object.name)} is the ${component} static pod, which needs the node's network by design; the ${component.replace(/^kube-/, '')}/* rules check how it is configured.`,
      });
      return;
    }
    context.report({
      path: podPath(workload, 'hostNetwork'),
      message: `${workload.kind} ${JSON.stringify(workload.object.name)} shares the node's network namespace: it reaches services on the node's loopback, escapes NetworkPolicy and can listen on any node port.`,
    });
  },
});
