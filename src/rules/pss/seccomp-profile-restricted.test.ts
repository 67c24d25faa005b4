import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import { atLevel, atVersion } from '../../testing/pss.js';
import rule from './seccomp-profile-restricted.js';

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

describe('pss/seccomp-profile-restricted', () => {
  testRule(rule, {
    valid: [
      { name: 'pod RuntimeDefault', code: pod('  securityContext: { seccompProfile: { type: RuntimeDefault } }\n') },
      { name: 'container Localhost', code: pod('', '{ seccompProfile: { type: Localhost, localhostProfile: p.json } }') },
      { name: 'before v1.19 the check does not exist', code: pod(''), settings: atVersion('v1.18') },
      { name: 'off at the baseline level', code: pod(''), settings: atLevel('baseline') },
      { name: 'Windows pods are exempt from v1.25', code: pod('  os: { name: windows }\n') },
    ],
    invalid: [
      {
        name: 'unset: where the container profile belongs',
        code: pod(''),
        findings: [
          {
            line: 9,
            severity: 'medium',
            path: '/spec/containers/0/securityContext/seccompProfile',
            message: /^Container "web" has no seccomp profile/,
          },
        ],
      },
      {
        name: 'a container Unconfined under a RuntimeDefault pod',
        code: pod(
          '  securityContext: { seccompProfile: { type: RuntimeDefault } }\n',
          '{ seccompProfile: { type: Unconfined } }',
        ),
        findings: [{ line: 10, path: '/spec/containers/0/securityContext/seccompProfile/type', message: /"Unconfined"/ }],
      },
      {
        name: 'Windows pods before v1.25 are not exempt',
        code: pod('  os: { name: windows }\n'),
        settings: atVersion('v1.24'),
        findings: [{ line: 10 }],
      },
    ],
  });
});
