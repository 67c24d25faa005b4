import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './no-privileged.js';

const pod = (securityContext: string, list = 'containers') => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  ${list}:
    - name: web
      image: nginx:1.27
      securityContext:
${securityContext}
`;

describe('k8s/no-privileged', () => {
  testRule(rule, {
    valid: [
      { name: 'privileged false', code: pod('        privileged: false') },
      { name: 'no securityContext field', code: pod('        runAsNonRoot: true') },
      { name: 'string "true" is not a boolean for the API', code: pod('        privileged: "true"') },
    ],
    invalid: [
      {
        name: 'privileged container',
        code: pod('        privileged: true'),
        findings: [{ line: 10, column: 9, severity: 'critical', path: '/spec/containers/0/securityContext/privileged' }],
      },
      {
        name: 'YAML 1.1 boolean, as Kubernetes reads it',
        code: pod('        privileged: yes'),
        findings: [{ line: 10, message: /Container "web" runs privileged/ }],
      },
      {
        name: 'init container',
        code: pod('        privileged: true', 'initContainers'),
        findings: [{ line: 10, path: '/spec/initContainers/0/securityContext/privileged' }],
      },
      {
        name: 'CronJob pod template',
        code: `apiVersion: batch/v1
kind: CronJob
metadata:
  name: backup
spec:
  schedule: "0 * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          containers:
            - name: backup
              image: busybox:1.36
              securityContext: { privileged: true }
`,
        findings: [{ line: 14, path: '/spec/jobTemplate/spec/template/spec/containers/0/securityContext/privileged' }],
      },
    ],
  });
});
