import { describe } from 'vitest';
import { flagsWith, lineOf, staticPod } from '../../testing/control-plane.js';
import { testRule } from '../../testing/index.js';
import rule from './service-account-lookup.js';

const off = staticPod('kube-apiserver', { flags: flagsWith('kube-apiserver', { 'service-account-lookup': 'false' }) });

describe('apiserver/service-account-lookup', () => {
  testRule(rule, {
    valid: [
      { name: 'hardened baseline', code: staticPod('kube-apiserver') },
      {
        name: 'default true when unset',
        code: staticPod('kube-apiserver', { flags: flagsWith('kube-apiserver', { 'service-account-lookup': null }) }),
      },
    ],
    invalid: [
      {
        name: 'turned off',
        code: off,
        findings: [{ line: lineOf(off, '--service-account-lookup=false'), message: /does not revoke it/ }],
      },
    ],
  });
});
