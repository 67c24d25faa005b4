import { describe } from 'vitest';
import { COMMAND_LINE, flagsWith, lineOf, staticPod } from '../../testing/control-plane.js';
import { testRule } from '../../testing/index.js';
import rule from './no-always-admit.js';

void COMMAND_LINE;
void lineOf;

describe('apiserver/no-always-admit', () => {
  testRule(rule, {
    valid: [{ name: 'hardened baseline', code: staticPod('kube-apiserver') }],
    invalid: [
      {
        name: 'enabled',
        code: staticPod('kube-apiserver', {
          flags: flagsWith('kube-apiserver', { 'enable-admission-plugins': 'NodeRestriction,AlwaysAdmit' }),
        }),
        findings: [{ line: 46, severity: 'high' }],
      },
    ],
  });
});
