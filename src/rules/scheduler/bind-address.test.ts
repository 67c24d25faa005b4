import { describe } from 'vitest';
import { COMMAND_LINE, flagsWith, lineOf, staticPod } from '../../testing/control-plane.js';
import { testRule } from '../../testing/index.js';
import rule from './bind-address.js';

const open = staticPod('kube-scheduler', { flags: flagsWith('kube-scheduler', { 'bind-address': '10.0.0.10' }) });

describe('scheduler/bind-address', () => {
  testRule(rule, {
    valid: [
      { name: 'hardened baseline', code: staticPod('kube-scheduler') },
      {
        name: 'IPv6 loopback',
        code: staticPod('kube-scheduler', { flags: flagsWith('kube-scheduler', { 'bind-address': '::1' }) }),
      },
    ],
    invalid: [
      { name: 'host address', code: open, findings: [{ line: lineOf(open, '--bind-address'), message: /listens on 10.0.0.10/ }] },
      {
        name: 'default 0.0.0.0',
        code: staticPod('kube-scheduler', { flags: flagsWith('kube-scheduler', { 'bind-address': null }) }),
        findings: [{ line: COMMAND_LINE, message: /defaults to 0.0.0.0/ }],
      },
    ],
  });
});
