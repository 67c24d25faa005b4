import { lookupTable } from '../../core/table.js';
import { definePssRule } from './_pss.js';

const CONSEQUENCE: Readonly<Record<string, string>> = lookupTable({
  hostNetwork:
    "network namespace (hostNetwork: true): it can listen on and sniff every node interface and reach services bound to the node's localhost",
  hostPID:
    'process namespace (hostPID: true): it sees every process on the node, their environment and arguments, and can signal them',
  hostIPC: "IPC namespace (hostIPC: true): it can read and write the shared memory of the node's processes",
});

export default definePssRule({
  check: 'hostNamespaces',
  meta: {
    id: 'pss/host-namespaces',
    description: "Disallow sharing the node's network, PID or IPC namespace (Pod Security Standards baseline)",
    rationale:
      "A pod in the node's network namespace can sniff and spoof node traffic and reach the kubelet and other services on localhost; in the PID namespace it can inspect and signal every process on the node, reading secrets from their environment; in the IPC namespace it shares memory segments with host processes. Each removes a layer of isolation between the container and the node.",
    severity: 'high',
    threats: ['host-compromise', 'network-sniffing'],
    references: ['PSS baseline: Host Namespaces'],
    remediation:
      'Remove `hostNetwork`, `hostPID` and `hostIPC` from the pod spec (or set them to false). Expose network services through a Service instead of the node network; use a sidecar or the Kubernetes API instead of inspecting host processes.',
    related: [
      { tool: 'kubescape', id: 'C-0038' },
      { tool: 'kubescape', id: 'C-0041' },
      { tool: 'trivy', id: 'KSV008' },
      { tool: 'trivy', id: 'KSV009' },
      { tool: 'trivy', id: 'KSV010' },
      { tool: 'kube-linter', id: 'host-network' },
      { tool: 'kube-linter', id: 'host-pid' },
      { tool: 'kube-linter', id: 'host-ipc' },
    ],
    examples: [
      {
        bad: `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  selector:
    matchLabels: { app: agent }
  template:
    metadata:
      labels: { app: agent }
    spec:
      hostPID: true
      hostNetwork: true
      containers:
        - name: agent
          image: example/agent:1.0
`,
        good: `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  selector:
    matchLabels: { app: agent }
  template:
    metadata:
      labels: { app: agent }
    spec:
      hostPID: false
      containers:
        - name: agent
          image: example/agent:1.0
`,
      },
    ],
  },
  message: (field) => `The pod shares the node's ${CONSEQUENCE[field.field] ?? `${field.field}: true`}.`,
});
