import { describe } from 'vitest';
import { COMMAND_LINE, flagsWith, lineOf, staticPod } from '../../testing/control-plane.js';
import { testRule } from '../../testing/index.js';
import rule from './audit-log-maxsize.js';

const low = staticPod('kube-apiserver', { flags: flagsWith('kube-apiserver', { 'audit-log-maxsize': '10' }) });
const text = staticPod('kube-apiserver', { flags: flagsWith('kube-apiserver', { 'audit-log-maxsize': 'lots' }) });

describe('apiserver/audit-log-maxsize', () => {
  testRule(rule, {
    valid: [
      { name: 'hardened baseline', code: staticPod('kube-apiserver') },
      {
        name: 'no file audit log: nothing to retain',
        code: staticPod('kube-apiserver', {
          flags: flagsWith('kube-apiserver', { 'audit-log-path': null, 'audit-log-maxsize': null }),
        }),
      },
    ],
    invalid: [
      { name: 'below the minimum', code: low, findings: [{ line: lineOf(low, '--audit-log-maxsize='), message: /below 100/ }] },
      { name: 'not a number', code: text, findings: [{ line: lineOf(text, '--audit-log-maxsize='), message: /not a number/ }] },
      {
        name: 'missing',
        code: staticPod('kube-apiserver', { flags: flagsWith('kube-apiserver', { 'audit-log-maxsize': null }) }),
        findings: [{ line: COMMAND_LINE, message: /without --audit-log-maxsize/ }],
      },
    ],
  });
});
