import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './no-host-ipc.js';

describe('k8s/no-host-ipc', () => {
  testRule(rule, {
    valid: [
      {
        name: 'hostIPC unset',
        code: 'apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec:\n  containers: [{ name: c, image: "memcached:1.6" }]\n',
      },
    ],
    invalid: [
      {
        name: 'ReplicationController',
        code: `apiVersion: v1
kind: ReplicationController
metadata:
  name: cache
spec:
  template:
    metadata: { labels: { app: cache } }
    spec:
      hostIPC: true
      containers: [{ name: cache, image: "memcached:1.6" }]
`,
        findings: [{ line: 9, severity: 'medium', path: '/spec/template/spec/hostIPC' }],
      },
    ],
  });
});
