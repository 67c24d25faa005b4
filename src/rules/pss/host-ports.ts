import { definePssRule, who } from './_pss.js';

export default definePssRule({
  check: 'hostPorts',
  meta: {
    id: 'pss/host-ports',
    description: 'Disallow host ports on containers (Pod Security Standards baseline)',
    rationale:
      "A hostPort publishes the container port on the node's own addresses, bypassing Services and NetworkPolicy-aware load balancing, exposing the workload on every network the node is attached to, and letting the pod take over a port other node services expect.",
    severity: 'medium',
    threats: ['network-port-escape'],
    references: ['PSS baseline: Host Ports'],
    remediation:
      'Remove `hostPort` from the container ports and expose the workload through a Service (ClusterIP, or a LoadBalancer/Ingress where it must be reachable from outside).',
    related: [
      { tool: 'kubescape', id: 'C-0044' },
      { tool: 'trivy', id: 'KSV024' },
      { tool: 'polaris', id: 'hostPortSet' },
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
      ports:
        - containerPort: 8080
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
        - containerPort: 8080
`,
      },
    ],
  },
  message: (field) =>
    `${who(field)} binds port ${String(field.value)} on the node (hostPort): the workload is reachable on every address of the node, outside Services and network policy.`,
});
