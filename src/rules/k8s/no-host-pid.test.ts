import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './no-host-pid.js';

describe('k8s/no-host-pid', () => {
  testRule(rule, {
    valid: [
      {
        name: 'shareProcessNamespace is not host PID',
        code: 'apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec:\n  shareProcessNamespace: true\n  containers: [{ name: c, image: "busybox:1.36" }]\n',
      },
    ],
    invalid: [
      {
        name: 'PodTemplate',
        code: `apiVersion: v1
kind: PodTemplate
metadata:
  name: debug
template:
  metadata: { labels: { app: debug } }
  spec:
    hostPID: true
    containers: [{ name: debug, image: "busybox:1.36" }]
`,
        findings: [{ line: 8, path: '/template/spec/hostPID', message: /^PodTemplate "debug"/ }],
      },
      {
        name: 'CronJob',
        code: `apiVersion: batch/v1
kind: CronJob
metadata:
  name: scan
spec:
  schedule: "@daily"
  jobTemplate:
    spec:
      template:
        spec:
          hostPID: true
          restartPolicy: OnFailure
          containers: [{ name: scan, image: "ghcr.io/acme/scan:1.0.0" }]
`,
        findings: [
          {
            line: 11,
            severity: 'high',
            path: '/spec/jobTemplate/spec/template/spec/hostPID',
            message: /^CronJob "scan" shares the node's process namespace/,
          },
        ],
      },
    ],
  });
});
