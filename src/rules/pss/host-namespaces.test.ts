import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './host-namespaces.js';

const pod = (lines: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
${lines}  containers:
    - name: web
      image: nginx:1.27
`;

describe('pss/host-namespaces', () => {
  testRule(rule, {
    valid: [
      { name: 'none set', code: pod('') },
      { name: 'all false', code: pod('  hostNetwork: false\n  hostPID: false\n  hostIPC: false\n') },
    ],
    invalid: [
      {
        name: 'each namespace is its own finding, at its field',
        code: pod('  hostNetwork: true\n  hostPID: true\n  hostIPC: true\n'),
        findings: [
          { line: 6, column: 3, severity: 'high', path: '/spec/hostNetwork', message: /network namespace \(hostNetwork: true\)/ },
          { line: 7, path: '/spec/hostPID', message: /process namespace \(hostPID: true\)/ },
          { line: 8, path: '/spec/hostIPC', message: /IPC namespace \(hostIPC: true\)/ },
        ],
      },
      {
        name: 'baseline level, v1.0',
        code: pod('  hostIPC: true\n'),
        settings: (s) => {
          s.pss.level = 'baseline';
          s.pss.version = 'v1.0';
        },
        findings: [{ line: 6, path: '/spec/hostIPC' }],
      },
      {
        name: 'a CronJob pod template',
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
          hostNetwork: true
          restartPolicy: OnFailure
          containers:
            - name: backup
              image: busybox:1.36
`,
        findings: [{ line: 11, path: '/spec/jobTemplate/spec/template/spec/hostNetwork' }],
      },
    ],
  });
});
