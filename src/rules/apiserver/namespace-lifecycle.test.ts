import { describe } from 'vitest';
import { COMMAND_LINE, flagsWith, lineOf, staticPod } from '../../testing/control-plane.js';
import { testRule } from '../../testing/index.js';
import rule from './namespace-lifecycle.js';

void COMMAND_LINE;
void lineOf;

describe('apiserver/namespace-lifecycle', () => {
  testRule(rule, {
    valid: [{ name: 'hardened baseline', code: staticPod('kube-apiserver') }],
    invalid: [
      {
        name: 'disabled',
        code: staticPod('kube-apiserver', {
          flags: flagsWith('kube-apiserver', { 'disable-admission-plugins': 'NamespaceLifecycle' }),
        }),
        findings: [{ line: 47, message: /disables the NamespaceLifecycle/ }],
      },
    ],
  });
});
