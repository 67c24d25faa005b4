import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './resource-requests.js';

const pod = (resources: string) => `apiVersion: v1
kind: Pod
metadata:
  name: api
spec:
  containers:
    - name: api
      image: ghcr.io/acme/api:2.3.1
      resources:
${resources || '        {}'}
`;

describe('k8s/resource-requests', () => {
  testRule(rule, {
    valid: [
      { name: 'both requests', code: pod('        requests: { cpu: 100m, memory: 128Mi }') },
      { name: 'limits default the requests', code: pod('        limits: { cpu: 500m, memory: 256Mi }') },
      {
        name: 'a LimitRange defaultRequest (namespaces both unwritten)',
        code: `${pod('')}---
apiVersion: v1
kind: LimitRange
metadata:
  name: defaults
spec:
  limits:
    - type: Container
      defaultRequest: { cpu: 100m, memory: 128Mi }
`,
      },
    ],
    invalid: [
      {
        name: 'none',
        code: pod(''),
        findings: [
          { line: 9, severity: 'low', path: '/spec/containers/0/resources/requests', message: /has no CPU and memory request/ },
        ],
      },
      {
        name: 'memory missing',
        code: pod('        requests: { cpu: 100m }'),
        findings: [{ line: 10, message: /has no memory request/ }],
      },
      {
        name: 'a LimitRange for Pods, not Containers, sets no container defaults',
        code: `${pod('')}---
apiVersion: v1
kind: LimitRange
metadata:
  name: defaults
spec:
  limits:
    - type: Pod
      max: { cpu: "2", memory: 2Gi }
`,
        findings: [{ line: 9 }],
      },
    ],
  });
});
