import { defineRule } from '../types.js';
import { capitalise, containerLabel, runsToCompletion } from './_pod.js';

export default defineRule({
  target: 'workload',
  meta: {
    id: 'k8s/liveness-probe',
    description: 'Require a liveness probe on the containers of long-running workloads',
    rationale:
      'Without a liveness probe the kubelet restarts a container only when its main process exits. A deadlocked or wedged process, one stuck after a resource-exhaustion attack or a failed dependency, keeps its pod in service indefinitely while serving nothing. A liveness probe lets the platform heal it. Containers of Jobs, CronJobs and run-to-completion Pods, init containers and ephemeral containers are not checked.',
    severity: 'low',
    threats: ['resource-starvation'],
    references: ['Kubernetes documentation: Configure Liveness, Readiness and Startup Probes'],
    remediation:
      'Add a `livenessProbe` that checks the process itself (an HTTP health endpoint or a TCP port), with timeouts generous enough not to restart a merely busy container; use a `startupProbe` for slow starts.',
    related: [
      { tool: 'kube-linter', id: 'no-liveness-probe' },
      { tool: 'kubescape', id: 'C-0056' },
      { tool: 'polaris', id: 'livenessProbeMissing' },
      { tool: 'kube-score', id: 'pod-probes' },
      { tool: 'checkov', id: 'CKV_K8S_8' },
    ],
    examples: [
      {
        bad: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  selector: { matchLabels: { app: api } }
  template:
    metadata: { labels: { app: api } }
    spec:
      containers:
        - name: api
          image: ghcr.io/acme/api:2.3.1
`,
        good: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  selector: { matchLabels: { app: api } }
  template:
    metadata: { labels: { app: api } }
    spec:
      containers:
        - name: api
          image: ghcr.io/acme/api:2.3.1
          livenessProbe:
            httpGet: { path: /healthz, port: 8080 }
`,
      },
    ],
  },
  check(workload, context) {
    if (runsToCompletion(workload)) return;
    for (const container of workload.containers) {
      if (container.kind !== 'containers' || container.value.livenessProbe) continue;
      context.report({
        path: [...container.path, 'livenessProbe'],
        message: `${capitalise(containerLabel(container))} has no liveness probe: if it hangs without exiting, nothing restarts it.`,
      });
    }
  },
});
