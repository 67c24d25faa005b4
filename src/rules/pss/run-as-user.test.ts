import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import { atVersion } from '../../testing/pss.js';
import rule from './run-as-user.js';

const pod = (podLines: string, containerSecurityContext = '{}') => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
${podLines}  containers:
    - name: web
      image: nginx:1.27
      securityContext: ${containerSecurityContext}
`;

describe('pss/run-as-user', () => {
  testRule(rule, {
    valid: [
      { name: 'a non-zero UID', code: pod('  securityContext: { runAsUser: 10001 }\n', '{ runAsUser: 1000 }') },
      { name: 'unset', code: pod('') },
      {
        name: 'before v1.23 the check does not exist',
        code: pod('', '{ runAsUser: 0 }'),
        settings: atVersion('v1.22'),
      },
      { name: 'from v1.35, pods in a user namespace are exempt', code: pod('  hostUsers: false\n', '{ runAsUser: 0 }') },
    ],
    invalid: [
      {
        name: 'container runAsUser 0, at the field',
        code: pod('', '{ runAsUser: 0 }'),
        findings: [
          {
            line: 9,
            severity: 'medium',
            path: '/spec/containers/0/securityContext/runAsUser',
            message: 'Container "web" sets securityContext.runAsUser: 0, so its processes run as root.',
          },
        ],
      },
      {
        name: 'pod runAsUser 0, even when a container sets another UID',
        code: pod('  securityContext:\n    runAsUser: 0\n', '{ runAsUser: 1000 }'),
        findings: [{ line: 7, path: '/spec/securityContext/runAsUser', message: /^The pod sets/ }],
      },
      {
        name: 'before v1.35, a user namespace is not exempt',
        code: pod('  hostUsers: false\n', '{ runAsUser: 0 }'),
        settings: atVersion('v1.34'),
        findings: [{ line: 10 }],
      },
    ],
  });
});
