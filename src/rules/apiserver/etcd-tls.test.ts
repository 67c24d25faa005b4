import { describe } from 'vitest';
import { COMMAND_LINE, flagsWith, lineOf, staticPod } from '../../testing/control-plane.js';
import { testRule } from '../../testing/index.js';
import rule from './etcd-tls.js';

const plain = staticPod('kube-apiserver', {
  flags: flagsWith('kube-apiserver', { 'etcd-servers': 'https://10.0.0.1:2379,http://10.0.0.2:2379' }),
});

describe('apiserver/etcd-tls', () => {
  testRule(rule, {
    valid: [{ name: 'hardened baseline', code: staticPod('kube-apiserver') }],
    invalid: [
      {
        name: 'one http server',
        code: plain,
        findings: [{ line: lineOf(plain, '--etcd-servers'), message: /http:\/\/10.0.0.2:2379/ }],
      },
      {
        name: 'no CA',
        code: staticPod('kube-apiserver', { flags: flagsWith('kube-apiserver', { 'etcd-cafile': null }) }),
        findings: [{ line: COMMAND_LINE, message: /--etcd-cafile/ }],
      },
    ],
  });
});
