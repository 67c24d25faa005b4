import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './seccomp-profile.js';

const pod = (podContext: string, containerContext: string, annotations = '', spec = '') => `apiVersion: v1
kind: Pod
metadata:
  name: api
  annotations:
${annotations || '    owner: team-a'}
spec:
${spec}  securityContext:
${podContext || '    {}'}
  containers:
    - name: api
      image: ghcr.io/acme/api:2.3.1
      securityContext:
${containerContext || '        {}'}
    - name: proxy
      image: envoyproxy/envoy:v1.31.0
`;

describe('k8s/seccomp-profile', () => {
  testRule(rule, {
    valid: [
      { name: 'RuntimeDefault on the pod', code: pod('    seccompProfile: { type: RuntimeDefault }', '') },
      {
        name: 'Localhost on the pod, RuntimeDefault on one container',
        code: pod(
          '    seccompProfile: { type: Localhost, localhostProfile: profiles/api.json }',
          '        seccompProfile: { type: RuntimeDefault }',
        ),
      },
      {
        name: 'legacy pod annotation runtime/default',
        code: pod('', '', '    seccomp.security.alpha.kubernetes.io/pod: runtime/default'),
      },
      { name: 'legacy docker/default', code: pod('', '', '    seccomp.security.alpha.kubernetes.io/pod: docker/default') },
      {
        name: 'a container field RuntimeDefault wins over an Unconfined pod annotation',
        code: pod(
          '    seccompProfile: { type: RuntimeDefault }',
          '        seccompProfile: { type: RuntimeDefault }',
          '    seccomp.security.alpha.kubernetes.io/pod: unconfined',
        ),
      },
      { name: 'Windows pods have no seccomp', code: pod('', '', '', '  os: { name: windows }\n') },
    ],
    invalid: [
      {
        name: 'nothing set: one finding per container, each saying the pod-level field fixes all',
        code: pod('', ''),
        findings: [
          {
            line: 13,
            severity: 'medium',
            path: '/spec/containers/0/securityContext/seccompProfile',
            message: /^Container "api" has no seccomp profile: .*spec\.securityContext\.seccompProfile fixes them all/,
          },
          {
            line: 15,
            severity: 'medium',
            path: '/spec/containers/1/securityContext/seccompProfile',
            message: /^Container "proxy" has no seccomp profile/,
          },
        ],
      },
      {
        name: 'Unconfined on the pod: one high finding for both containers',
        code: pod('    seccompProfile: { type: Unconfined }', ''),
        findings: [
          {
            line: 9,
            severity: 'high',
            path: '/spec/securityContext/seccompProfile/type',
            message: /Container "api" and container "proxy" run with seccomp switched off \(seccompProfile.type: Unconfined\)/,
          },
        ],
      },
      {
        name: 'legacy unconfined annotation for one container, the other unset',
        code: pod('', '', '    container.seccomp.security.alpha.kubernetes.io/api: unconfined'),
        findings: [
          {
            line: 6,
            severity: 'high',
            path: '/metadata/annotations/container.seccomp.security.alpha.kubernetes.io~1api',
            message: /annotation container\.seccomp/,
          },
          {
            line: 15,
            severity: 'medium',
            path: '/spec/containers/1/securityContext/seccompProfile',
            message: /^Container "proxy" has no seccomp profile/,
          },
        ],
      },
      {
        name: 'the pod annotation applies when no field is set',
        code: pod(
          '',
          '        seccompProfile: { type: RuntimeDefault }',
          '    seccomp.security.alpha.kubernetes.io/pod: unconfined',
        ),
        findings: [{ line: 6, severity: 'high', message: /^Container "proxy" runs with seccomp switched off/ }],
      },
    ],
  });
});
