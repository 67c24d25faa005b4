import { describe } from 'vitest';
import { COMMAND_LINE, flagsWith, staticPod } from '../../testing/control-plane.js';
import { testRule } from '../../testing/index.js';
import rule from './etcd-client-certificate.js';

describe('apiserver/etcd-client-certificate', () => {
  testRule(rule, {
    valid: [{ name: 'hardened baseline', code: staticPod('kube-apiserver') }],
    invalid: [
      {
        name: 'certificate missing',
        code: staticPod('kube-apiserver', { flags: flagsWith('kube-apiserver', { 'etcd-certfile': null }) }),
        findings: [{ line: COMMAND_LINE, message: /does not set --etcd-certfile:/ }],
      },
    ],
  });
});
