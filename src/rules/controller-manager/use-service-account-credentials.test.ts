import { describe } from 'vitest';
import { COMMAND_LINE, flagsWith, lineOf, staticPod } from '../../testing/control-plane.js';
import { testRule } from '../../testing/index.js';
import rule from './use-service-account-credentials.js';

const off = staticPod('kube-controller-manager', {
  flags: flagsWith('kube-controller-manager', { 'use-service-account-credentials': 'false' }),
});

describe('controller-manager/use-service-account-credentials', () => {
  testRule(rule, {
    valid: [{ name: 'hardened baseline', code: staticPod('kube-controller-manager') }],
    invalid: [
      { name: 'off', code: off, findings: [{ line: lineOf(off, '--use-service-account-credentials=false') }] },
      {
        name: 'default false',
        code: staticPod('kube-controller-manager', {
          flags: flagsWith('kube-controller-manager', { 'use-service-account-credentials': null }),
        }),
        findings: [{ line: COMMAND_LINE, message: /defaults to false/ }],
      },
    ],
  });
});
