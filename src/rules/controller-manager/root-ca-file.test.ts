import { describe } from 'vitest';
import { COMMAND_LINE, flagsWith, staticPod } from '../../testing/control-plane.js';
import { testRule } from '../../testing/index.js';
import rule from './root-ca-file.js';

describe('controller-manager/root-ca-file', () => {
  testRule(rule, {
    valid: [{ name: 'hardened baseline', code: staticPod('kube-controller-manager') }],
    invalid: [
      {
        name: 'missing',
        code: staticPod('kube-controller-manager', { flags: flagsWith('kube-controller-manager', { 'root-ca-file': null }) }),
        findings: [{ line: COMMAND_LINE, message: /does not set --root-ca-file/ }],
      },
    ],
  });
});
