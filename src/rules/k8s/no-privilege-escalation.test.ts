import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './no-privilege-escalation.js';

const pod = (securityContext: string, list = 'containers', spec = '') => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
${spec}  ${list}:
    - name: web
      image: nginx:1.27
      securityContext:
${securityContext}
`;

describe('k8s/no-privilege-escalation', () => {
  testRule(rule, {
    valid: [
      { name: 'allowPrivilegeEscalation false', code: pod('        allowPrivilegeEscalation: false') },
      {
        name: 'privileged containers are left to k8s/no-privileged (the API refuses false there)',
        code: pod('        privileged: true'),
      },
      {
        name: 'CAP_SYS_ADMIN always escalates; left to k8s/dangerous-capabilities',
        code: pod('        capabilities: { add: [cap_sys_admin] }'),
      },
      {
        name: 'Windows pods have no such setting',
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
            severity: 'medium',
            path: '/spec/containers/0/securityContext/allowPrivilegeEscalation',
            message: /does not set allowPrivilegeEscalation: false/,
          },
        ],
      },
      {
        name: 'explicitly true',
        code: pod('        allowPrivilegeEscalation: true'),
        findings: [{ line: 10, column: 9, message: /sets allowPrivilegeEscalation: true/ }],
      },
      {
        name: 'a pod-level setting does not exist, so it does not count',
        code: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  securityContext:
    allowPrivilegeEscalation: false
  containers:
    - name: web
      image: nginx:1.27
`,
        findings: [{ line: 9, path: '/spec/containers/0/securityContext/allowPrivilegeEscalation' }],
      },
      {
        name: 'init container of a Job',
        code: `apiVersion: batch/v1
kind: Job
metadata:
  name: migrate
spec:
  template:
    spec:
      restartPolicy: Never
      initContainers:
        - name: wait
          image: busybox:1.36
          securityContext: { allowPrivilegeEscalation: false }
        - name: fetch
          image: curlimages/curl:8.8.0
      containers:
        - name: migrate
          image: ghcr.io/acme/migrate:1.0.0
          securityContext: { allowPrivilegeEscalation: false }
`,
        findings: [
          {
            line: 13,
            path: '/spec/template/spec/initContainers/1/securityContext/allowPrivilegeEscalation',
            message: /^Init container "fetch"/,
          },
        ],
      },
    ],
  });
});
