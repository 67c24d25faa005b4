import { describe } from 'vitest';
import { COMMAND_LINE, flagsWith, lineOf, staticPod } from '../../testing/control-plane.js';
import { testRule } from '../../testing/index.js';
import rule from './always-pull-images.js';

void COMMAND_LINE;
void lineOf;

describe('apiserver/always-pull-images', () => {
  testRule(rule, {
    valid: [{ name: 'hardened baseline', code: staticPod('kube-apiserver') }],
    invalid: [
      {
        name: 'not enabled',
        code: staticPod('kube-apiserver', {
          flags: flagsWith('kube-apiserver', { 'enable-admission-plugins': 'NodeRestriction' }),
        }),
        findings: [{ line: 46, message: /does not enable the AlwaysPullImages/ }],
      },
      {
        name: 'left out of the legacy --admission-control list',
        code: staticPod('kube-apiserver', {
          flags: flagsWith('kube-apiserver', {
            'enable-admission-plugins': null,
            'admission-control': 'NamespaceLifecycle,NodeRestriction',
          }),
        }),
        findings: [{ line: 46, message: /replaces the default plugin list/ }],
      },
    ],
  });
});
