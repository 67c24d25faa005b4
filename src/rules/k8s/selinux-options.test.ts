import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './selinux-options.js';

const pod = (podContext: string, containerContext: string) => `apiVersion: v1
kind: Pod
metadata:
  name: agent
spec:
  securityContext:
${podContext || '    {}'}
  containers:
    - name: agent
      image: ghcr.io/acme/agent:1.4.0
      securityContext:
${containerContext || '        {}'}
`;

describe('k8s/selinux-options', () => {
  testRule(rule, {
    valid: [
      { name: 'unset', code: pod('', '') },
      {
        name: 'container_t with chosen categories',
        code: pod('    seLinuxOptions: { type: container_t, level: "s0:c123,c456" }', ''),
      },
      {
        name: 'the container options replace the pod options as a whole',
        code: pod('    seLinuxOptions: { type: spc_t }', '        seLinuxOptions: { level: "s0:c1,c2" }'),
      },
    ],
    invalid: [
      {
        name: 'spc_t on the pod',
        code: pod('    seLinuxOptions:\n      type: spc_t', ''),
        findings: [
          {
            line: 8,
            column: 7,
            severity: 'high',
            path: '/spec/securityContext/seLinuxOptions/type',
            message: /runs with SELinux type spc_t, the "super privileged container" type/,
          },
        ],
      },
      {
        name: 'unconfined_t and a level spanning every category on the container',
        code: pod('', '        seLinuxOptions:\n          type: unconfined_t\n          level: s0-s0:c0.c1023'),
        findings: [
          { line: 13, severity: 'high', path: '/spec/containers/0/securityContext/seLinuxOptions/type' },
          { line: 14, severity: 'medium', message: /spans every category/ },
        ],
      },
    ],
  });
});
