import { describe } from 'vitest';
import { COMMAND_LINE, flagsWith, lineOf, staticPod } from '../../testing/control-plane.js';
import { testRule } from '../../testing/index.js';
import rule from './node-restriction.js';

void COMMAND_LINE;
void lineOf;

describe('apiserver/node-restriction', () => {
  testRule(rule, {
    valid: [{ name: 'hardened baseline', code: staticPod('kube-apiserver') }],
    invalid: [
      {
        name: 'not enabled (it is not a default plugin)',
        code: staticPod('kube-apiserver', {
          flags: flagsWith('kube-apiserver', { 'enable-admission-plugins': 'AlwaysPullImages' }),
        }),
        findings: [{ line: 46, message: /does not enable the NodeRestriction/ }],
      },
      {
        name: 'no admission flags',
        code: staticPod('kube-apiserver', { flags: flagsWith('kube-apiserver', { 'enable-admission-plugins': null }) }),
        findings: [{ line: COMMAND_LINE }],
      },
    ],
  });
});
