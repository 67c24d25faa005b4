import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './proc-mount.js';

const pod = (procMount: string, hostUsers = '') => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
${hostUsers}  containers:
    - name: web
      image: nginx:1.27
      securityContext:
        procMount: ${procMount}
`;

const baseline = (version: string) => (s: { pss: { level: string; version: string } }) => {
  s.pss.level = 'baseline';
  s.pss.version = version;
};

describe('pss/proc-mount', () => {
  testRule(rule, {
    valid: [
      { name: 'Default', code: pod('Default') },
      {
        name: 'from v1.35 baseline allows it in a user namespace',
        code: pod('Unmasked', '  hostUsers: false\n'),
        settings: baseline('v1.35'),
      },
    ],
    invalid: [
      {
        name: 'Unmasked, at the field',
        code: pod('Unmasked'),
        findings: [
          {
            line: 10,
            column: 9,
            severity: 'high',
            path: '/spec/containers/0/securityContext/procMount',
            message: /^Container "web" sets securityContext\.procMount to "Unmasked"/,
          },
        ],
      },
      {
        name: 'before v1.35 even in a user namespace',
        code: pod('Unmasked', '  hostUsers: false\n'),
        settings: baseline('v1.34'),
        findings: [{ line: 11 }],
      },
      {
        name: 'hostUsers: true is no user namespace',
        code: pod('Unmasked', '  hostUsers: true\n'),
        settings: baseline('latest'),
        findings: [{ line: 11 }],
      },
    ],
  });
});
