import { describe } from 'vitest';
import { COMMAND_LINE, flagsWith, lineOf, staticPod } from '../../testing/control-plane.js';
import { testRule } from '../../testing/index.js';
import rule from './dedicated-ca.js';

const sharedEtcd = staticPod('etcd', { flags: flagsWith('etcd', { 'trusted-ca-file': '/etc/kubernetes/pki/ca.crt' }) });
const shared = `${staticPod('kube-apiserver')}---\n${sharedEtcd}`;
const separate = `${staticPod('kube-apiserver')}---\n${staticPod('etcd')}`;

describe('etcd/dedicated-ca', () => {
  testRule(rule, {
    valid: [
      { name: 'etcd CA differs from the API server client CA', code: separate, filename: 'manifests.yaml' },
      { name: 'alone, with a CA', code: staticPod('etcd') },
    ],
    invalid: [
      {
        name: 'no trusted CA',
        code: staticPod('etcd', { flags: flagsWith('etcd', { 'trusted-ca-file': null }) }),
        findings: [{ line: COMMAND_LINE }],
      },
      {
        name: 'same CA as the API server clients (two files of one scan)',
        code: shared,
        filename: 'manifests.yaml',
        findings: [{ line: lineOf(shared, '--trusted-ca-file'), message: /same CA that kube-apiserver/ }],
      },
    ],
  });
});
