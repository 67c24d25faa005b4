import { describe } from 'vitest';
import { COMMAND_LINE, flagsWith, lineOf, staticPod } from '../../testing/control-plane.js';
import { testRule } from '../../testing/index.js';
import rule from './service-account-admission.js';

void COMMAND_LINE;
void lineOf;

describe('apiserver/service-account-admission', () => {
  testRule(rule, {
    valid: [{ name: 'hardened baseline', code: staticPod('kube-apiserver') }],
    invalid: [
      {
        name: 'disabled',
        code: staticPod('kube-apiserver', {
          flags: flagsWith('kube-apiserver', { 'disable-admission-plugins': 'DefaultStorageClass,ServiceAccount' }),
        }),
        findings: [{ line: 47, message: /disables the ServiceAccount/ }],
      },
    ],
  });
});
