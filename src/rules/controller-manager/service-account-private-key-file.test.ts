import { describe } from 'vitest';
import { COMMAND_LINE, flagsWith, staticPod } from '../../testing/control-plane.js';
import { testRule } from '../../testing/index.js';
import rule from './service-account-private-key-file.js';

describe('controller-manager/service-account-private-key-file', () => {
  testRule(rule, {
    valid: [{ name: 'hardened baseline', code: staticPod('kube-controller-manager') }],
    invalid: [
      {
        name: 'missing',
        code: staticPod('kube-controller-manager', {
          flags: flagsWith('kube-controller-manager', { 'service-account-private-key-file': null }),
        }),
        findings: [{ line: COMMAND_LINE, message: /does not set --service-account-private-key-file/ }],
      },
    ],
  });
});
