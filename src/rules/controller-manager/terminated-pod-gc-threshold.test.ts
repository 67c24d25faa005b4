import { describe } from 'vitest';
import { COMMAND_LINE, flagsWith, staticPod } from '../../testing/control-plane.js';
import { testRule } from '../../testing/index.js';
import rule from './terminated-pod-gc-threshold.js';

describe('controller-manager/terminated-pod-gc-threshold', () => {
  testRule(rule, {
    valid: [{ name: 'hardened baseline', code: staticPod('kube-controller-manager') }],
    invalid: [
      {
        name: 'missing',
        code: staticPod('kube-controller-manager', {
          flags: flagsWith('kube-controller-manager', { 'terminated-pod-gc-threshold': null }),
        }),
        findings: [{ line: COMMAND_LINE, message: /does not set --terminated-pod-gc-threshold/ }],
      },
    ],
  });
});
