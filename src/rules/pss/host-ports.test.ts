import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './host-ports.js';

const pod = (ports: string, list = 'containers') => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  ${list}:
    - name: web
      image: nginx:1.27
      ports:
${ports}`;

describe('pss/host-ports', () => {
  testRule(rule, {
    valid: [
      { name: 'container port only', code: pod('        - containerPort: 8080\n') },
      { name: 'hostPort 0 means none', code: pod('        - containerPort: 8080\n          hostPort: 0\n') },
    ],
    invalid: [
      {
        name: 'hostPort, at the field',
        code: pod('        - containerPort: 8080\n          hostPort: 80\n'),
        findings: [
          {
            line: 11,
            column: 11,
            severity: 'medium',
            path: '/spec/containers/0/ports/0/hostPort',
            message: /^Container "web" binds port 80 on the node/,
          },
        ],
      },
      {
        name: 'each host port of an init container',
        code: pod(
          '        - containerPort: 53\n          hostPort: 53\n        - containerPort: 9090\n          hostPort: 9090\n',
          'initContainers',
        ),
        findings: [
          { line: 11, path: '/spec/initContainers/0/ports/0/hostPort' },
          { line: 13, path: '/spec/initContainers/0/ports/1/hostPort', message: /port 9090/ },
        ],
      },
    ],
  });
});
