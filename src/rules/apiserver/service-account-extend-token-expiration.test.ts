import { describe } from 'vitest';
import { COMMAND_LINE, flagsWith, staticPod } from '../../testing/control-plane.js';
import { testRule } from '../../testing/index.js';
import rule from './service-account-extend-token-expiration.js';

describe('apiserver/service-account-extend-token-expiration', () => {
  testRule(rule, {
    valid: [{ name: 'hardened baseline', code: staticPod('kube-apiserver') }],
    invalid: [
      {
        name: 'default',
        code: staticPod('kube-apiserver', {
          flags: flagsWith('kube-apiserver', { 'service-account-extend-token-expiration': null }),
        }),
        findings: [{ line: COMMAND_LINE, message: /by default/ }],
      },
    ],
  });
});
