import { describe } from 'vitest';
import { COMMAND_LINE, flagsWith, lineOf, staticPod } from '../../testing/control-plane.js';
import { testRule } from '../../testing/index.js';
import rule from './audit-log-maxage.js';

const low = staticPod('kube-apiserver', { flags: flagsWith('kube-apiserver', { 'audit-log-maxage': '7' }) });
const text = staticPod('kube-apiserver', { flags: flagsWith('kube-apiserver', { 'audit-log-maxage': 'lots' }) });

describe('apiserver/audit-log-maxage', () => {
  testRule(rule, {
    valid: [
      { name: 'hardened baseline', code: staticPod('kube-apiserver') },
      {
        name: 'no file audit log: nothing to retain',
        code: staticPod('kube-apiserver', {
          flags: flagsWith('kube-apiserver', { 'audit-log-path': null, 'audit-log-maxage': null }),
        }),
      },
    ],
    invalid: [
      { name: 'below the minimum', code: low, findings: [{ line: lineOf(low, '--audit-log-maxage='), message: /below 30/ }] },
      { name: 'not a number', code: text, findings: [{ line: lineOf(text, '--audit-log-maxage='), message: /not a number/ }] },
      {
        name: 'missing',
        code: staticPod('kube-apiserver', { flags: flagsWith('kube-apiserver', { 'audit-log-maxage': null }) }),
        findings: [{ line: COMMAND_LINE, message: /without --audit-log-maxage/ }],
      },
    ],
  });
});
