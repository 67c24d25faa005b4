import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './apparmor-profile.js';

const pod = (podContext: string, containerContext: string, annotations = '') => `apiVersion: v1
kind: Pod
metadata:
  name: api
  annotations:
${annotations || '    owner: team-a'}
spec:
  securityContext:
${podContext || '    {}'}
  containers:
    - name: api
      image: ghcr.io/acme/api:2.3.1
      securityContext:
${containerContext || '        {}'}
`;

describe('k8s/apparmor-profile', () => {
  testRule(rule, {
    valid: [
      { name: 'unset: the runtime default profile applies', code: pod('', '') },
      { name: 'RuntimeDefault', code: pod('    appArmorProfile: { type: RuntimeDefault }', '') },
      {
        name: 'legacy runtime/default annotation',
        code: pod('', '', '    container.apparmor.security.beta.kubernetes.io/api: runtime/default'),
      },
      {
        name: 'an annotation for another container does not apply',
        code: pod('', '', '    container.apparmor.security.beta.kubernetes.io/other: unconfined'),
      },
      {
        name: 'the container field wins over an unconfined annotation',
        code: pod(
          '',
          '        appArmorProfile: { type: Localhost, localhostProfile: k8s-api }',
          '    container.apparmor.security.beta.kubernetes.io/api: unconfined',
        ),
      },
      {
        name: 'privileged containers are left to k8s/no-privileged',
        code: pod('    appArmorProfile: { type: Unconfined }', '        privileged: true'),
      },
    ],
    invalid: [
      {
        name: 'Unconfined on the pod',
        code: pod('    appArmorProfile: { type: Unconfined }', ''),
        findings: [
          {
            line: 9,
            severity: 'high',
            path: '/spec/securityContext/appArmorProfile/type',
            message: /without AppArmor confinement \(appArmorProfile.type: Unconfined on the pod\)/,
          },
        ],
      },
      {
        name: 'legacy annotation',
        code: pod('', '', '    container.apparmor.security.beta.kubernetes.io/api: unconfined'),
        findings: [{ line: 6, path: '/metadata/annotations/container.apparmor.security.beta.kubernetes.io~1api' }],
      },
    ],
  });
});
