import { describe } from 'vitest';
import { COMMAND_LINE, flagsWith, lineOf, staticPod } from '../../testing/control-plane.js';
import { testRule } from '../../testing/index.js';
import rule from './no-profiling.js';

const bare = staticPod('kube-apiserver', { flags: [...flagsWith('kube-apiserver', { profiling: null }), '--profiling'] });

describe('apiserver/no-profiling', () => {
  testRule(rule, {
    valid: [{ name: 'hardened baseline', code: staticPod('kube-apiserver') }],
    invalid: [
      {
        name: 'default on',
        code: staticPod('kube-apiserver', { flags: flagsWith('kube-apiserver', { profiling: null }) }),
        findings: [{ line: COMMAND_LINE, message: /by default/ }],
      },
      { name: 'bare flag means true', code: bare, findings: [{ line: lineOf(bare, '- --profiling'), message: /is true/ }] },
    ],
  });
});
