import { describe } from 'vitest';
import { COMMAND_LINE, flagsWith, staticPod } from '../../testing/control-plane.js';
import { testRule } from '../../testing/index.js';
import rule from './audit-policy-file.js';

describe('apiserver/audit-policy-file', () => {
  testRule(rule, {
    valid: [{ name: 'hardened baseline', code: staticPod('kube-apiserver') }],
    invalid: [
      {
        name: 'log path without policy records nothing',
        code: staticPod('kube-apiserver', { flags: flagsWith('kube-apiserver', { 'audit-policy-file': null }) }),
        findings: [{ line: COMMAND_LINE, message: /no audit events are recorded/ }],
      },
    ],
  });
});
