import { describe } from 'vitest';
import { COMMAND_LINE, flagsWith, staticPod } from '../../testing/control-plane.js';
import { testRule } from '../../testing/index.js';
import rule from './kubelet-certificate-authority.js';

describe('apiserver/kubelet-certificate-authority', () => {
  testRule(rule, {
    valid: [{ name: 'hardened baseline', code: staticPod('kube-apiserver') }],
    invalid: [
      {
        name: 'missing',
        code: staticPod('kube-apiserver', { flags: flagsWith('kube-apiserver', { 'kubelet-certificate-authority': null }) }),
        findings: [{ line: COMMAND_LINE, column: 7, message: /does not set --kubelet-certificate-authority/ }],
      },
    ],
  });
});
