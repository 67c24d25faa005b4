import { describe } from 'vitest';
import { COMMAND_LINE, flagsWith, staticPod } from '../../testing/control-plane.js';
import { testRule } from '../../testing/index.js';
import rule from './service-account-key-file.js';

describe('apiserver/service-account-key-file', () => {
  testRule(rule, {
    valid: [{ name: 'hardened baseline', code: staticPod('kube-apiserver') }],
    invalid: [
      {
        name: 'missing',
        code: staticPod('kube-apiserver', { flags: flagsWith('kube-apiserver', { 'service-account-key-file': null }) }),
        findings: [{ line: COMMAND_LINE, message: /TLS serving key/ }],
      },
    ],
  });
});
