import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './image-pull-policy.js';

const pod = (image: string, policy?: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: ${image}
${policy ? `      imagePullPolicy: ${policy}\n` : ''}`;

const DIGEST = '@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';

describe('k8s/image-pull-policy', () => {
  testRule(rule, {
    valid: [
      { name: ':latest defaults to Always', code: pod('nginx:latest') },
      { name: 'untagged defaults to Always', code: pod('nginx') },
      { name: 'version tag with IfNotPresent', code: pod('nginx:1.27.3', 'IfNotPresent') },
      { name: 'version tag with the default', code: pod('nginx:1.27.3') },
      { name: 'digest with Never', code: pod(`nginx:latest${DIGEST}`, 'Never') },
      { name: 'moving tag with Always', code: pod('nginx:stable', 'Always') },
    ],
    invalid: [
      {
        name: ':latest with IfNotPresent',
        code: pod('nginx:latest', 'IfNotPresent'),
        findings: [
          {
            line: 9,
            column: 7,
            severity: 'medium',
            path: '/spec/containers/0/imagePullPolicy',
            message: /a moving tag, with imagePullPolicy: IfNotPresent/,
          },
        ],
      },
      { name: 'untagged with Never', code: pod('nginx', 'Never'), findings: [{ line: 9, severity: 'medium' }] },
      {
        name: 'another floating tag with the default IfNotPresent',
        code: pod('grafana/grafana:main'),
        findings: [{ line: 7, severity: 'medium', message: /with the default pull policy IfNotPresent/ }],
      },
      {
        name: 'Never with a version tag is low',
        code: pod('ghcr.io/acme/web:2.4.1', 'Never'),
        findings: [{ line: 9, severity: 'low', message: /never checked against the registry/ }],
      },
    ],
  });
});
