import { describe } from 'vitest';
import { COMMAND_LINE, flagsWith, lineOf, staticPod } from '../../testing/control-plane.js';
import { testRule } from '../../testing/index.js';
import rule from './audit-log-path.js';

const empty = staticPod('kube-apiserver', { flags: flagsWith('kube-apiserver', { 'audit-log-path': '' }) });

describe('apiserver/audit-log-path', () => {
  testRule(rule, {
    valid: [
      { name: 'hardened baseline', code: staticPod('kube-apiserver') },
      {
        name: 'standard output counts as a log',
        code: staticPod('kube-apiserver', { flags: flagsWith('kube-apiserver', { 'audit-log-path': '-' }) }),
      },
    ],
    invalid: [
      {
        name: 'missing, with only a webhook',
        code: staticPod('kube-apiserver', {
          flags: flagsWith('kube-apiserver', {
            'audit-log-path': null,
            'audit-webhook-config-file': '/etc/kubernetes/audit-webhook.yaml',
          }),
        }),
        findings: [{ line: COMMAND_LINE, message: /only to the webhook/ }],
      },
      { name: 'empty', code: empty, findings: [{ line: lineOf(empty, '--audit-log-path='), message: /is empty/ }] },
    ],
  });
});
