import { describe } from 'vitest';
import { COMMAND_LINE, flagsWith, lineOf, staticPod } from '../../testing/control-plane.js';
import { testRule } from '../../testing/index.js';
import rule from './event-rate-limit.js';

void COMMAND_LINE;
void lineOf;

describe('apiserver/event-rate-limit', () => {
  testRule(rule, {
    valid: [{ name: 'hardened baseline', code: staticPod('kube-apiserver') }],
    invalid: [
      {
        name: 'not enabled',
        code: staticPod('kube-apiserver', {
          flags: flagsWith('kube-apiserver', { 'enable-admission-plugins': 'NodeRestriction' }),
        }),
        findings: [{ line: 46, message: /does not enable the EventRateLimit/ }],
      },
      {
        name: 'enabled without a configuration',
        code: staticPod('kube-apiserver', { flags: flagsWith('kube-apiserver', { 'admission-control-config-file': null }) }),
        findings: [{ line: 21, message: /without --admission-control-config-file/ }],
      },
    ],
  });
});
