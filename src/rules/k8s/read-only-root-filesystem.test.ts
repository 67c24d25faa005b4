import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './read-only-root-filesystem.js';

const pod = (securityContext: string, list = 'containers', spec = '') => `apiVersion: v1
kind: Pod
metadata:
  name: api
spec:
${spec}  ${list}:
    - name: api
      image: ghcr.io/acme/api:2.3.1
      securityContext:
${securityContext}
`;

describe('k8s/read-only-root-filesystem', () => {
  testRule(rule, {
    valid: [
      { name: 'read-only', code: pod('        readOnlyRootFilesystem: true') },
      { name: 'ephemeral debug containers are not checked', code: pod('        runAsNonRoot: true', 'ephemeralContainers') },
      {
        name: 'Windows containers cannot have one',
        code: pod('        runAsNonRoot: true', 'containers', '  os: { name: windows }\n'),
      },
    ],
    invalid: [
      {
        name: 'unset',
        code: pod('        runAsNonRoot: true'),
        findings: [
          {
            line: 9,
            severity: 'low',
            path: '/spec/containers/0/securityContext/readOnlyRootFilesystem',
            message: /writable root filesystem/,
          },
        ],
      },
      {
        name: 'explicitly false',
        code: pod('        readOnlyRootFilesystem: false'),
        findings: [{ line: 10, column: 9, message: /sets readOnlyRootFilesystem: false/ }],
      },
      {
        name: 'sidecar container',
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
        - name: proxy
          image: envoyproxy/envoy:v1.31.0
          restartPolicy: Always
      containers:
        - name: api
          image: ghcr.io/acme/api:2.3.1
          securityContext: { readOnlyRootFilesystem: true }
`,
        findings: [{ line: 11, message: /^Sidecar container "proxy"/ }],
      },
    ],
  });
});
