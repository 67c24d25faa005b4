import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './ephemeral-storage-limit.js';

const pod = (limits: string) => `apiVersion: v1
kind: Pod
metadata:
  name: api
spec:
  containers:
    - name: api
      image: ghcr.io/acme/api:2.3.1
      resources:
        limits:
${limits}
`;

describe('k8s/ephemeral-storage-limit', () => {
  testRule(rule, {
    valid: [{ name: 'limit set', code: pod('          ephemeral-storage: 1Gi') }],
    invalid: [
      {
        name: 'a request is not a limit',
        code: pod('          memory: 256Mi').replace(
          '        limits:',
          '        requests: { ephemeral-storage: 1Gi }\n        limits:',
        ),
        findings: [
          {
            line: 11,
            severity: 'low',
            path: '/spec/containers/0/resources/limits/ephemeral-storage',
            message: /can fill the node's disk/,
          },
        ],
      },
    ],
  });
});
