import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './no-unsafe-sysctls.js';

describe('docker-run/no-unsafe-sysctls', () => {
  testRule(rule, {
    valid: [{ name: 'safe set', code: '#!/bin/sh\ndocker run --sysctl net.ipv4.ip_local_port_range="1024 65000" app:1.0\n' }],
    invalid: [
      {
        name: 'ip_forward',
        code: '#!/bin/sh\ndocker run --sysctl=net.ipv4.ip_forward=1 app:1.0\n',
        findings: [{ line: 2, column: 12, severity: 'medium' }],
      },
      {
        name: 'node-level, and the host network namespace',
        code: '#!/bin/sh\ndocker run --network host --sysctl kernel.pid_max=65536 --sysctl net.core.somaxconn=1024 app:1.0\n',
        findings: [
          { line: 2, severity: 'medium', message: /kernel\.pid_max=65536: it is not namespaced/ },
          { line: 2, severity: 'medium', message: /host's network namespace/ },
        ],
      },
    ],
  });
});
