import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './seccomp-profile-baseline.js';

const pod = (podSecurityContext: string, containerSecurityContext = '{}', annotations = '') => `apiVersion: v1
kind: Pod
metadata:
  name: web
${annotations}spec:
  securityContext: ${podSecurityContext}
  containers:
    - name: web
      image: nginx:1.27
      securityContext: ${containerSecurityContext}
`;

const version = (v: string) => (s: { pss: { version: string } }) => {
  s.pss.version = v;
};

describe('pss/seccomp-profile-baseline', () => {
  testRule(rule, {
    valid: [
      { name: 'RuntimeDefault', code: pod('{ seccompProfile: { type: RuntimeDefault } }') },
      { name: 'Localhost', code: pod('{}', '{ seccompProfile: { type: Localhost, localhostProfile: p.json } }') },
      { name: 'unset (the restricted rule asks for a profile)', code: pod('{}') },
      {
        name: 'from v1.19 the alpha annotations are not checked',
        code: pod('{}', '{}', '  annotations:\n    seccomp.security.alpha.kubernetes.io/pod: unconfined\n'),
        settings: version('v1.19'),
      },
      {
        name: 'before v1.19 the fields are not checked',
        code: pod('{ seccompProfile: { type: Unconfined } }'),
        settings: version('v1.18'),
      },
    ],
    invalid: [
      {
        name: 'pod Unconfined, at the type',
        code: pod('{ seccompProfile: { type: Unconfined } }'),
        findings: [
          {
            line: 6,
            severity: 'high',
            path: '/spec/securityContext/seccompProfile/type',
            message: 'The pod sets securityContext.seccompProfile.type to "Unconfined": system calls are not filtered.',
          },
        ],
      },
      {
        name: 'container Unconfined',
        code: pod('{}', '{ seccompProfile: { type: Unconfined } }'),
        findings: [{ line: 10, path: '/spec/containers/0/securityContext/seccompProfile/type', message: /^Container "web"/ }],
      },
      {
        name: 'up to v1.18, the alpha annotations of the pod and of a container',
        code: pod(
          '{}',
          '{}',
          '  annotations:\n    seccomp.security.alpha.kubernetes.io/pod: unconfined\n    container.seccomp.security.alpha.kubernetes.io/web: unconfined\n',
        ),
        settings: version('v1.18'),
        findings: [
          { line: 6, path: '/metadata/annotations/seccomp.security.alpha.kubernetes.io~1pod', message: /by annotation/ },
          { line: 7, path: '/metadata/annotations/container.seccomp.security.alpha.kubernetes.io~1web' },
        ],
      },
    ],
  });
});
