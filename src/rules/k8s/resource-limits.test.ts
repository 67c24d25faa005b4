import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './resource-limits.js';

const pod = (resources: string, namespace = 'shop') => `apiVersion: v1
kind: Pod
metadata:
  name: api
  namespace: ${namespace}
spec:
  containers:
    - name: api
      image: ghcr.io/acme/api:2.3.1
      resources:
${resources || '        {}'}
`;

const limitRange = (namespace: string, item: string) => `---
apiVersion: v1
kind: LimitRange
metadata:
  name: defaults
  namespace: ${namespace}
spec:
  limits:
    - type: Container
${item}
`;

describe('k8s/resource-limits', () => {
  testRule(rule, {
    valid: [
      { name: 'both limits', code: pod('        limits: { cpu: 500m, memory: 256Mi }') },
      {
        name: 'a LimitRange default in the same namespace',
        code: pod('') + limitRange('shop', '      default: { cpu: 500m, memory: 256Mi }'),
      },
      {
        name: 'a LimitRange max also defaults the limit',
        code: pod('') + limitRange('shop', '      max: { cpu: "1", memory: 1Gi }'),
      },
      {
        name: 'pod-level limits bound every container',
        code: `apiVersion: v1
kind: Pod
metadata:
  name: api
spec:
  resources:
    limits: { cpu: "1", memory: 512Mi }
  containers:
    - name: api
      image: ghcr.io/acme/api:2.3.1
`,
      },
      {
        name: 'ephemeral containers cannot have resources',
        code: `apiVersion: v1
kind: Pod
metadata:
  name: api
spec:
  containers:
    - name: api
      image: ghcr.io/acme/api:2.3.1
      resources: { limits: { cpu: 500m, memory: 256Mi } }
  ephemeralContainers:
    - name: debug
      image: busybox:1.36
`,
      },
    ],
    invalid: [
      {
        name: 'none: medium',
        code: pod(''),
        findings: [
          { line: 10, severity: 'medium', path: '/spec/containers/0/resources/limits', message: /has no memory or CPU limit/ },
        ],
      },
      {
        name: 'CPU only missing: low',
        code: pod('        limits: { memory: 256Mi }'),
        findings: [{ line: 11, severity: 'low', message: /has no CPU limit: it can use every idle core/ }],
      },
      {
        name: 'memory only missing: medium',
        code: pod('        limits: { cpu: 500m }'),
        findings: [{ line: 11, severity: 'medium', message: /has no memory limit/ }],
      },
      {
        name: 'a LimitRange of another namespace does not apply',
        code: pod('') + limitRange('other', '      default: { cpu: 500m, memory: 256Mi }'),
        findings: [{ line: 10, severity: 'medium' }],
      },
      {
        name: 'requests are not limits; init containers count',
        code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  selector: { matchLabels: { app: api } }
  template:
    metadata: { labels: { app: api } }
    spec:
      initContainers:
        - name: migrate
          image: ghcr.io/acme/migrate:1.0.0
          resources: { requests: { cpu: 100m, memory: 64Mi } }
      containers:
        - name: api
          image: ghcr.io/acme/api:2.3.1
          resources: { limits: { cpu: 500m, memory: 256Mi } }
`,
        findings: [
          { line: 13, path: '/spec/template/spec/initContainers/0/resources/limits', message: /^Init container "migrate"/ },
        ],
      },
    ],
  });
});
