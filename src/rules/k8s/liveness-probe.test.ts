import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './liveness-probe.js';

describe('k8s/liveness-probe', () => {
  testRule(rule, {
    valid: [
      {
        name: 'Jobs run to completion',
        code: 'apiVersion: batch/v1\nkind: Job\nmetadata: { name: j }\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers: [{ name: j, image: "busybox:1.36" }]\n',
      },
      {
        name: 'bare Pods with restartPolicy Never',
        code: 'apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec:\n  restartPolicy: Never\n  containers: [{ name: p, image: "busybox:1.36" }]\n',
      },
      {
        name: 'init and sidecar containers are not checked',
        code: `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  initContainers:
    - { name: wait, image: "busybox:1.36" }
    - { name: proxy, image: "envoyproxy/envoy:v1.31.0", restartPolicy: Always }
  containers:
    - name: app
      image: ghcr.io/acme/app:1.0.0
      livenessProbe: { tcpSocket: { port: 8080 } }
`,
      },
    ],
    invalid: [
      {
        name: 'a DaemonSet container without one',
        code: `apiVersion: apps/v1
kind: DaemonSet
metadata: { name: agent }
spec:
  selector: { matchLabels: { app: agent } }
  template:
    metadata: { labels: { app: agent } }
    spec:
      containers:
        - name: agent
          image: ghcr.io/acme/agent:1.4.0
          readinessProbe: { tcpSocket: { port: 9100 } }
`,
        findings: [
          {
            line: 10,
            severity: 'low',
            path: '/spec/template/spec/containers/0/livenessProbe',
            message: /^Container "agent" has no liveness probe/,
          },
        ],
      },
    ],
  });
});
