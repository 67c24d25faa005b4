import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './run-as-non-root.js';

/** A pod with an optional pod security context and one container security context (both YAML fragments). */
const pod = (podContext: string, containerContext: string, extra = '') => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
${extra}  securityContext:
${podContext || '    {}'}
  containers:
    - name: web
      image: nginx:1.27
      securityContext:
${containerContext || '        {}'}
`;

describe('k8s/run-as-non-root', () => {
  testRule(rule, {
    valid: [
      { name: 'runAsNonRoot on the pod', code: pod('    runAsNonRoot: true', '') },
      { name: 'runAsNonRoot on the container', code: pod('', '        runAsNonRoot: true') },
      { name: 'a non-zero UID on the pod is not root', code: pod('    runAsUser: 1000', '') },
      { name: 'container UID overrides a root pod UID', code: pod('    runAsUser: 0', '        runAsUser: 1000') },
      {
        name: 'container runAsNonRoot wins over the pod setting false',
        code: pod('    runAsNonRoot: false', '        runAsNonRoot: true'),
      },
      {
        name: 'UID 0 with runAsNonRoot: true is refused by the kubelet, not run as root',
        code: pod('    runAsNonRoot: true', '        runAsUser: 0'),
      },
      {
        name: 'Windows pod with a non-administrator user',
        code: pod('    windowsOptions: { runAsUserName: ContainerUser }', '', '  os: { name: windows }\n'),
      },
      {
        name: 'Windows pod chosen by node selector with runAsNonRoot',
        code: pod('    runAsNonRoot: true', '', '  nodeSelector: { kubernetes.io/os: windows }\n'),
      },
    ],
    invalid: [
      {
        name: 'nothing set',
        code: pod('', ''),
        findings: [
          {
            line: 11,
            severity: 'medium',
            path: '/spec/containers/0/securityContext/runAsNonRoot',
            message: /neither runAsNonRoot nor runAsUser/,
          },
        ],
      },
      {
        name: 'runAsUser 0 on the container',
        code: pod('', '        runAsUser: 0'),
        findings: [
          {
            line: 12,
            column: 9,
            severity: 'high',
            path: '/spec/containers/0/securityContext/runAsUser',
            message: /runs as root: runAsUser is 0/,
          },
        ],
      },
      {
        name: 'runAsUser 0 on the pod is reported once, on the pod',
        code: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  securityContext:
    runAsUser: 0
  initContainers:
    - name: migrate
      image: app:1
  containers:
    - name: web
      image: app:1
    - name: proxy
      image: envoy:1
`,
        findings: [
          {
            line: 7,
            severity: 'high',
            path: '/spec/securityContext/runAsUser',
            message:
              'Container "web", container "proxy" and init container "migrate" run as root: runAsUser is 0 (set on the pod).',
          },
        ],
      },
      {
        name: 'runAsNonRoot false on the pod',
        code: pod('    runAsNonRoot: false', ''),
        findings: [
          {
            line: 7,
            severity: 'medium',
            path: '/spec/securityContext/runAsNonRoot',
            message: /runAsNonRoot is false \(set on the pod\)/,
          },
        ],
      },
      {
        name: 'Windows ContainerAdministrator',
        code: pod('', '        windowsOptions:\n          runAsUserName: ContainerAdministrator', '  os: { name: windows }\n'),
        findings: [{ line: 14, severity: 'high', path: '/spec/containers/0/securityContext/windowsOptions/runAsUserName' }],
      },
      {
        name: 'ephemeral container of a StatefulSet template',
        code: `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  selector: { matchLabels: { app: db } }
  serviceName: db
  template:
    metadata: { labels: { app: db } }
    spec:
      securityContext: { runAsNonRoot: true }
      containers:
        - name: db
          image: postgres:16
      ephemeralContainers:
        - name: debug
          image: busybox:1.36
          securityContext: { runAsNonRoot: false }
`,
        findings: [
          {
            line: 18,
            path: '/spec/template/spec/ephemeralContainers/0/securityContext/runAsNonRoot',
            message: /^Ephemeral container "debug"/,
          },
        ],
      },
    ],
  });
});
