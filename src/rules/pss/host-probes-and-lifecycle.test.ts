import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './host-probes-and-lifecycle.js';

const pod = (lines: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: nginx:1.27
${lines}`;

const probe = `      livenessProbe:
        httpGet:
          host: 10.0.0.1
          port: 8080
`;

describe('pss/host-probes-and-lifecycle', () => {
  testRule(rule, {
    valid: [
      { name: 'probe without host', code: pod('      readinessProbe:\n        tcpSocket:\n          port: 8080\n') },
      { name: 'empty host', code: pod('      readinessProbe:\n        httpGet:\n          host: ""\n          port: 8080\n') },
      {
        name: 'before policy v1.34 the check does not exist',
        code: pod(probe),
        settings: (s) => {
          s.pss.version = 'v1.33';
        },
      },
    ],
    invalid: [
      {
        name: 'liveness probe host, at the field',
        code: pod(probe),
        findings: [
          {
            line: 11,
            column: 11,
            severity: 'medium',
            path: '/spec/containers/0/livenessProbe/httpGet/host',
            message:
              'Container "web" points livenessProbe.httpGet.host at "10.0.0.1": the kubelet connects from the node to an address the pod chooses.',
          },
        ],
      },
      {
        name: 'from v1.34, lifecycle hooks and TCP probes too',
        code: pod(
          '      startupProbe:\n        tcpSocket:\n          host: localhost\n          port: 8080\n      lifecycle:\n        preStop:\n          httpGet:\n            host: example.com\n            port: 80\n',
        ),
        settings: (s) => {
          s.pss.level = 'baseline';
          s.pss.version = 'v1.34';
        },
        findings: [
          { line: 11, path: '/spec/containers/0/startupProbe/tcpSocket/host' },
          {
            line: 16,
            path: '/spec/containers/0/lifecycle/preStop/httpGet/host',
            message: /lifecycle\.preStop\.httpGet\.host at "example\.com"/,
          },
        ],
      },
    ],
  });
});
