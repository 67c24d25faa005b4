import { describe } from 'vitest';
import { COMMAND_LINE, flagsWith, lineOf, staticPod } from '../../testing/control-plane.js';
import { testRule } from '../../testing/index.js';
import rule from './no-profiling.js';

const on = staticPod('kube-controller-manager', { flags: flagsWith('kube-controller-manager', { profiling: 'true' }) });

describe('controller-manager/no-profiling', () => {
  testRule(rule, {
    valid: [{ name: 'hardened baseline', code: staticPod('kube-controller-manager') }],
    invalid: [
      { name: 'on', code: on, findings: [{ line: lineOf(on, '--profiling=true'), message: /--profiling is true/ }] },
      {
        name: 'default',
        code: staticPod('kube-controller-manager', { flags: flagsWith('kube-controller-manager', { profiling: null }) }),
        findings: [{ line: COMMAND_LINE }],
      },
    ],
  });
});
