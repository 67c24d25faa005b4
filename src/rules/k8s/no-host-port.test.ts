import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './no-host-port.js';

const pod = (ports: string, spec = '') => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
${spec}  containers:
    - name: web
      image: nginx:1.27
      ports:
${ports}
`;

describe('k8s/no-host-port', () => {
  testRule(rule, {
    valid: [
      { name: 'container port only', code: pod('        - containerPort: 80') },
      { name: 'hostPort 0 means none', code: pod('        - containerPort: 80\n          hostPort: 0') },
      {
        name: 'host-network pods are left to k8s/no-host-network',
        code: pod('        - containerPort: 80\n          hostPort: 80', '  hostNetwork: true\n'),
      },
    ],
    invalid: [
      {
        name: 'hostPort on every address',
        code: pod('        - containerPort: 80\n        - containerPort: 53\n          hostPort: 53\n          protocol: UDP'),
        findings: [
          {
            line: 12,
            column: 11,
            severity: 'medium',
            path: '/spec/containers/0/ports/1/hostPort',
            message:
              'Container "web" publishes host port 53/UDP on every address of the node, outside Services and NetworkPolicy.',
          },
        ],
      },
      {
        name: 'loopback only is low',
        code: pod('        - containerPort: 9100\n          hostPort: 9100\n          hostIP: 127.0.0.1'),
        findings: [{ line: 11, severity: 'low', message: /on 127\.0\.0\.1 \(loopback only/ }],
      },
    ],
  });
});
