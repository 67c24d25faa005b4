import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './privileged.js';

const pod = (list: string, securityContext: string) => `apiVersion: v1
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

describe('pss/privileged', () => {
  testRule(rule, {
    valid: [
      { name: 'privileged false', code: pod('containers', 'privileged: false') },
      { name: 'unset', code: pod('containers', 'runAsNonRoot: true') },
      { name: 'a string is not a boolean for the API', code: pod('containers', 'privileged: "true"') },
    ],
    invalid: [
      {
        name: 'privileged container, at the field',
        code: pod('containers', 'privileged: true'),
        findings: [
          {
            line: 10,
            column: 9,
            severity: 'critical',
            path: '/spec/containers/0/securityContext/privileged',
            message: /^Container "web" runs privileged/,
          },
        ],
      },
      {
        name: 'init container',
        code: pod('initContainers', 'privileged: true'),
        findings: [{ line: 10, path: '/spec/initContainers/0/securityContext/privileged', message: /^Init container "web"/ }],
      },
      {
        name: 'ephemeral container',
        code: pod('ephemeralContainers', 'privileged: true'),
        findings: [{ line: 10, path: '/spec/ephemeralContainers/0/securityContext/privileged' }],
      },
      {
        name: 'also at the baseline level and the oldest version',
        code: pod('containers', 'privileged: yes'),
        settings: (s) => {
          s.pss.level = 'baseline';
          s.pss.version = 'v1.0';
        },
        findings: [{ line: 10 }],
      },
      {
        name: 'a StatefulSet pod template',
        code: `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  selector:
    matchLabels: { app: db }
  template:
    metadata:
      labels: { app: db }
    spec:
      containers:
        - name: db
          image: postgres:16
          securityContext: { privileged: true }
`,
        findings: [{ line: 16, path: '/spec/template/spec/containers/0/securityContext/privileged' }],
      },
    ],
  });
});
