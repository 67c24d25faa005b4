import { describe } from 'vitest';
import { COMMAND_LINE, flagsWith, lineOf, staticPod } from '../../testing/control-plane.js';
import { testRule } from '../../testing/index.js';
import rule from './audit-log-maxbackup.js';

const low = staticPod('kube-apiserver', { flags: flagsWith('kube-apiserver', { 'audit-log-maxbackup': '3' }) });
const text = staticPod('kube-apiserver', { flags: flagsWith('kube-apiserver', { 'audit-log-maxbackup': 'lots' }) });

describe('apiserver/audit-log-maxbackup', () => {
  testRule(rule, {
    valid: [
      { name: 'hardened baseline', code: staticPod('kube-apiserver') },
      {
        name: 'no file audit log: nothing to retain',
        code: staticPod('kube-apiserver', {
          flags: flagsWith('kube-apiserver', { 'audit-log-path': null, 'audit-log-maxbackup': null }),
        }),
      },
    ],
    invalid: [
      { name: 'below the minimum', code: low, findings: [{ line: lineOf(low, '--audit-log-maxbackup='), message: /below 10/ }] },
      { name: 'not a number', code: text, findings: [{ line: lineOf(text, '--audit-log-maxbackup='), message: /not a number/ }] },
      {
        name: 'missing',
        code: staticPod('kube-apiserver', { flags: flagsWith('kube-apiserver', { 'audit-log-maxbackup': null }) }),
        findings: [{ line: COMMAND_LINE, message: /without --audit-log-maxbackup/ }],
      },
    ],
  });
});
