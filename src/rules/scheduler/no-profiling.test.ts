import { describe } from 'vitest';
import { COMMAND_LINE, flagsWith, lineOf, staticPod } from '../../testing/control-plane.js';
import { testRule } from '../../testing/index.js';
import rule from './no-profiling.js';

const on = staticPod('kube-scheduler', { flags: flagsWith('kube-scheduler', { profiling: 'true' }) });

describe('scheduler/no-profiling', () => {
  testRule(rule, {
    valid: [{ name: 'hardened baseline', code: staticPod('kube-scheduler') }],
    invalid: [
      { name: 'on', code: on, findings: [{ line: lineOf(on, '--profiling=true'), message: /--profiling is true/ }] },
      {
        name: 'default',
        code: staticPod('kube-scheduler', { flags: flagsWith('kube-scheduler', { profiling: null }) }),
        findings: [{ line: COMMAND_LINE }],
      },
    ],
  });
});
