import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './no-unconfined-security-opt.js';

describe('compose/no-unconfined-security-opt', () => {
  testRule(rule, {
    valid: [
      {
        name: 'custom profile',
        code: 'services:\n  web:\n    image: app:1.0\n    security_opt:\n      - seccomp=./seccomp.json\n      - apparmor=docker-default\n',
      },
    ],
    invalid: [
      {
        name: 'seccomp and apparmor',
        code: 'services:\n  web:\n    image: app:1.0\n    security_opt:\n      - seccomp:unconfined\n      - apparmor=unconfined\n      - label:disable\n',
        findings: [
          { line: 5, column: 9, severity: 'high', message: /seccomp off/ },
          { line: 6, message: /AppArmor/ },
          { line: 7, message: /SELinux/ },
        ],
      },
      {
        name: 'systempaths',
        code: 'services:\n  web:\n    image: app:1.0\n    security_opt: ["systempaths=unconfined"]\n',
        findings: [{ line: 4, severity: 'critical' }],
      },
    ],
  });
});
