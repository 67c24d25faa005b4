import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './sysctls.js';

const pod = (...names: string[]) => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  securityContext:
    sysctls:
${names.map((name) => `      - name: ${name}\n        value: "1"\n`).join('')}  containers:
    - name: web
      image: nginx:1.27
`;

const version = (v: string) => (s: { pss: { version: string } }) => {
  s.pss.version = v;
};

describe('pss/sysctls', () => {
  testRule(rule, {
    valid: [
      {
        name: 'the v1.0 safe set',
        code: pod('kernel.shm_rmid_forced', 'net.ipv4.ip_local_port_range', 'net.ipv4.ping_group_range'),
      },
      { name: 'ip_local_reserved_ports from v1.27', code: pod('net.ipv4.ip_local_reserved_ports'), settings: version('v1.27') },
      { name: 'tcp_keepalive_time from v1.29', code: pod('net.ipv4.tcp_keepalive_time'), settings: version('v1.29') },
      { name: 'tcp_rmem from v1.32', code: pod('net.ipv4.tcp_rmem'), settings: version('v1.32') },
      { name: 'tcp_notsent_lowat from v1.37', code: pod('net.ipv4.tcp_notsent_lowat'), settings: version('v1.37') },
      { name: 'newer versions behave as latest', code: pod('net.ipv4.tcp_slow_start_after_idle'), settings: version('v1.99') },
    ],
    invalid: [
      {
        name: 'an unsafe sysctl, at its name',
        code: pod('kernel.shm_rmid_forced', 'kernel.msgmax'),
        findings: [
          {
            line: 10,
            column: 9,
            severity: 'high',
            path: '/spec/securityContext/sysctls/1/name',
            message:
              'The pod sets the sysctl "kernel.msgmax", which is not in the safe set: it can affect the node or other pods.',
          },
        ],
      },
      {
        name: 'ip_local_reserved_ports before v1.27',
        code: pod('net.ipv4.ip_local_reserved_ports'),
        settings: version('v1.26'),
        findings: [{ line: 8 }],
      },
      {
        name: 'tcp_fin_timeout before v1.29',
        code: pod('net.ipv4.tcp_fin_timeout'),
        settings: version('v1.28'),
        findings: [{ line: 8 }],
      },
      { name: 'tcp_wmem before v1.32', code: pod('net.ipv4.tcp_wmem'), settings: version('v1.31'), findings: [{ line: 8 }] },
      {
        name: 'tcp_slow_start_after_idle before v1.37',
        code: pod('net.ipv4.tcp_slow_start_after_idle'),
        settings: version('v1.36'),
        findings: [{ line: 8 }],
      },
    ],
  });
});
