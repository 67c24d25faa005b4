import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './dangerous-capabilities.js';

const pod = (capabilities: string, spec = '') => `apiVersion: v1
kind: Pod
metadata:
  name: tools
spec:
${spec}  containers:
    - name: tools
      image: ghcr.io/acme/tools:1.0.0
      securityContext:
        capabilities:
${capabilities}
`;

describe('k8s/dangerous-capabilities', () => {
  testRule(rule, {
    valid: [
      { name: 'only NET_BIND_SERVICE', code: pod('          drop: [ALL]\n          add: [NET_BIND_SERVICE]') },
      { name: 'default-set capabilities that are harmless to add back', code: pod('          add: [CHOWN, KILL, FOWNER]') },
      { name: 'added and dropped by name: the drop wins', code: pod('          add: [NET_RAW]\n          drop: [net_raw]') },
      { name: 'ALL added and ALL dropped grants nothing', code: pod('          add: [ALL]\n          drop: [ALL]') },
      { name: 'unknown names are not capabilities', code: pod('          add: [SUPERPOWER]') },
      { name: 'Windows pods', code: pod('          add: [SYS_ADMIN]', '  os: { name: windows }\n') },
    ],
    invalid: [
      {
        name: 'graded per capability, pointing at each entry',
        code: pod(
          '          add:\n            - SYS_ADMIN\n            - NET_RAW\n            - SETUID\n            - NET_BIND_SERVICE\n            - SYS_PTRACE',
        ),
        findings: [
          {
            line: 12,
            column: 15,
            severity: 'critical',
            path: '/spec/containers/0/securityContext/capabilities/add/0',
            message: /adds SYS_ADMIN, which is close to full root/,
          },
          {
            line: 13,
            severity: 'medium',
            path: '/spec/containers/0/securityContext/capabilities/add/1',
            message: /raw and packet sockets/,
          },
          { line: 14, severity: 'low', message: /switches to any user ID/ },
          { line: 16, severity: 'high', message: /traces and injects code/ },
        ],
      },
      {
        name: 'CAP_ prefix and lower case, as the runtimes accept them',
        code: pod('          add: [cap_sys_module, Dac_Read_Search]'),
        findings: [
          {
            line: 11,
            severity: 'critical',
            message: /adds SYS_MODULE \(written "cap_sys_module"\), which loads and unloads kernel modules/,
          },
          { line: 11, severity: 'critical', message: /DAC_READ_SEARCH.*shocker/ },
        ],
      },
      {
        name: 'ALL, and named adds survive a drop of ALL',
        code: pod('          drop: [ALL]\n          add: [ALL, BPF]'),
        findings: [{ line: 12, severity: 'high', message: /adds BPF/ }],
      },
      {
        name: 'ALL without a drop',
        code: pod('          add: [all]'),
        findings: [{ line: 11, severity: 'critical', message: /adds ALL \(written "all"\), which grants every capability/ }],
      },
    ],
  });
});
