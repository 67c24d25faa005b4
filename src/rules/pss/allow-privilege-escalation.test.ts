import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import { atLevel, atVersion } from '../../testing/pss.js';
import rule from './allow-privilege-escalation.js';

const pod = (securityContext: string, os = '') => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
${os}  initContainers:
    - name: setup
      image: busybox:1.36
      securityContext: { allowPrivilegeEscalation: false }
  containers:
    - name: web
      image: nginx:1.27
      securityContext: ${securityContext}
`;

const windows = '  os: { name: windows }\n';

describe('pss/allow-privilege-escalation', () => {
  testRule(rule, {
    valid: [
      { name: 'false everywhere', code: pod('{ allowPrivilegeEscalation: false }') },
      { name: 'off at the baseline level', code: pod('{}'), settings: atLevel('baseline') },
      { name: 'before v1.8 the check does not exist', code: pod('{}'), settings: atVersion('v1.7') },
      { name: 'Windows pods are exempt from v1.25', code: pod('{}', windows), settings: atVersion('v1.25') },
    ],
    invalid: [
      {
        name: 'unset: points where the field belongs',
        code: pod('{}'),
        findings: [
          {
            line: 13,
            severity: 'medium',
            path: '/spec/containers/0/securityContext/allowPrivilegeEscalation',
            message:
              'Container "web" does not set securityContext.allowPrivilegeEscalation: false, so setuid binaries in it can gain privileges.',
          },
        ],
      },
      {
        name: 'explicitly true',
        code: pod('{ allowPrivilegeEscalation: true }'),
        findings: [{ line: 13, message: /sets securityContext\.allowPrivilegeEscalation: true/ }],
      },
      {
        name: 'Windows pods before v1.25 are not exempt',
        code: pod('{}', windows),
        settings: atVersion('v1.24'),
        findings: [{ line: 14 }],
      },
    ],
  });
});
