import { describe } from 'vitest';
import { COMMAND_LINE, flagsWith, staticPod } from '../../testing/control-plane.js';
import { testRule } from '../../testing/index.js';
import rule from './client-ca-file.js';

describe('apiserver/client-ca-file', () => {
  testRule(rule, {
    valid: [{ name: 'hardened baseline', code: staticPod('kube-apiserver') }],
    invalid: [
      {
        name: 'missing',
        code: staticPod('kube-apiserver', { flags: flagsWith('kube-apiserver', { 'client-ca-file': null }) }),
        findings: [{ line: COMMAND_LINE, message: /does not set --client-ca-file/ }],
      },
    ],
  });
});
