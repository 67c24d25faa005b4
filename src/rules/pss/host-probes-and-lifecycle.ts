import { definePssRule, show, who } from './_pss.js';

export default definePssRule({
  check: 'hostProbesAndHostLifecycle',
  meta: {
    id: 'pss/host-probes-and-lifecycle',
    description: 'Disallow probes and lifecycle hooks that name a host (Pod Security Standards baseline, v1.34+)',
    rationale:
      "The kubelet runs HTTP and TCP probes and lifecycle hooks from the node. When the pod chooses the `host`, it makes the kubelet connect to any address the node can reach (the node's localhost, cloud metadata, other pods), a server-side request forgery from a trusted position.",
    severity: 'medium',
    threats: ['network-resource-access', 'lateral-movement'],
    references: ['PSS baseline: Host Probes / Lifecycle Hooks'],
    remediation:
      "Remove `host` from `httpGet` and `tcpSocket` in liveness, readiness and startup probes and in postStart/preStop hooks: the kubelet then targets the pod's own IP.",
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
      livenessProbe:
        httpGet:
          host: 169.254.169.254
          path: /latest/meta-data/
          port: 80
`,
        good: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: nginx:1.27
      livenessProbe:
        httpGet:
          path: /healthz
          port: 8080
`,
      },
    ],
  },
  message: (field) =>
    `${who(field)} points ${field.field} at ${show(field.value)}: the kubelet connects from the node to an address the pod chooses.`,
});
