import { asArray, asObject, asString } from '../../model/k8s.js';
import { defineRule } from '../types.js';
import { capitalise, containerLabel } from './_pod.js';

export default defineRule({
  target: 'workload',
  meta: {
    id: 'k8s/no-host-port',
    description: "Disallow containers that publish ports on the node's addresses (hostPort)",
    rationale:
      "A `hostPort` publishes the container port on the node's own IP addresses, outside Services and usually outside NetworkPolicy (which is enforced on pod addresses, not on node ports forwarded by the CNI portmap plugin). Anything that reaches the node reaches the container, bypassing the load balancer and ingress controls in front of the cluster. It also pins the pod to nodes where the port is free.",
    severity: 'medium',
    threats: ['network-port-escape', 'lateral-movement'],
    references: ['CIS Kubernetes 5.2.13', 'NSA/CISA Kubernetes Hardening: network separation', 'PSS baseline: Host Ports'],
    remediation:
      'Remove `hostPort` and expose the port through a Service (ClusterIP behind an Ingress, or a LoadBalancer with source ranges). If a node agent must listen on the node, bind it to a specific `hostIP`, ideally 127.0.0.1.',
    related: [
      { tool: 'kubescape', id: 'C-0044' },
      { tool: 'kubescape', id: 'C-0204' },
      { tool: 'trivy', id: 'KSV024' },
      { tool: 'polaris', id: 'hostPortSet' },
      { tool: 'checkov', id: 'CKV_K8S_26' },
    ],
    overlaps: ['pss/host-ports'],
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
      ports:
        - containerPort: 80
          hostPort: 80
`,
        good: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: nginx:1.27
      ports:
        - containerPort: 80
`,
      },
    ],
  },
  check(workload, context) {
    // With hostNetwork every container port is a node port already (the API sets hostPort to the
    // container port); k8s/no-host-network reports that.
    if (workload.podSpec.hostNetwork === true) return;
    for (const container of workload.containers) {
      asArray(container.value.ports).forEach((raw, index) => {
        const port = asObject(raw);
        const hostPort = port?.hostPort;
        if (typeof hostPort !== 'number' || hostPort <= 0) return;
        const protocol = asString(port?.protocol) ?? 'TCP';
        const hostIP = asString(port?.hostIP);
        const loopback = hostIP !== undefined && (/^127\./.test(hostIP) || hostIP === '::1');
        const where = hostIP && hostIP !== '0.0.0.0' && hostIP !== '::' ? ` on ${hostIP}` : ' on every address of the node';
        context.report({
          path: [...container.path, 'ports', index, 'hostPort'],
          ...(loopback ? { severity: 'low' as const } : {}),
          message: `${capitalise(containerLabel(container))} publishes host port ${hostPort}/${protocol}${where}${loopback ? ' (loopback only: reachable by other host-network processes on the node)' : ', outside Services and NetworkPolicy'}.`,
        });
      });
    }
  },
});
