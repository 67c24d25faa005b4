import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './selinux-options.js';

const pod = (options: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: nginx:1.27
      securityContext:
        seLinuxOptions:
${options}`;

describe('pss/selinux-options', () => {
  testRule(rule, {
    valid: [
      { name: 'container_t with a level', code: pod('          type: container_t\n          level: "s0:c1,c2"\n') },
      { name: 'container_init_t', code: pod('          type: container_init_t\n') },
      { name: 'container_kvm_t', code: pod('          type: container_kvm_t\n') },
      { name: 'empty options', code: pod('          level: "s0"\n') },
      { name: 'container_engine_t from policy v1.31', code: pod('          type: container_engine_t\n') },
    ],
    invalid: [
      {
        name: 'custom type, at the type',
        code: pod('          type: spc_t\n'),
        findings: [
          {
            line: 11,
            column: 11,
            severity: 'high',
            path: '/spec/containers/0/securityContext/seLinuxOptions/type',
            message: /^Container "web" sets securityContext\.seLinuxOptions\.type to "spc_t"/,
          },
        ],
      },
      {
        name: 'container_engine_t before v1.31',
        code: pod('          type: container_engine_t\n'),
        settings: (s) => {
          s.pss.version = 'v1.30';
        },
        findings: [{ line: 11 }],
      },
      {
        name: 'user and role, each at its field',
        code: pod('          user: system_u\n          role: system_r\n'),
        findings: [
          { line: 11, path: '/spec/containers/0/securityContext/seLinuxOptions/user', message: /custom SELinux users and roles/ },
          { line: 12, path: '/spec/containers/0/securityContext/seLinuxOptions/role' },
        ],
      },
    ],
  });
});
