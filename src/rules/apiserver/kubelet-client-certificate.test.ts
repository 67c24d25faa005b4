import { describe } from 'vitest';
import { COMMAND_LINE, flagsWith, lineOf, staticPod } from '../../testing/control-plane.js';
import { testRule } from '../../testing/index.js';
import rule from './kubelet-client-certificate.js';

const emptyKey = staticPod('kube-apiserver', { flags: flagsWith('kube-apiserver', { 'kubelet-client-key': '' }) });

describe('apiserver/kubelet-client-certificate', () => {
  testRule(rule, {
    valid: [{ name: 'hardened baseline', code: staticPod('kube-apiserver') }],
    invalid: [
      {
        name: 'neither flag',
        code: staticPod('kube-apiserver', {
          flags: flagsWith('kube-apiserver', { 'kubelet-client-certificate': null, 'kubelet-client-key': null }),
        }),
        findings: [{ line: COMMAND_LINE, message: /does not set --kubelet-client-certificate and --kubelet-client-key/ }],
      },
      {
        name: 'key missing',
        code: staticPod('kube-apiserver', { flags: flagsWith('kube-apiserver', { 'kubelet-client-key': null }) }),
        findings: [{ line: COMMAND_LINE, message: /--kubelet-client-key:/ }],
      },
      {
        name: 'empty value',
        code: emptyKey,
        findings: [{ line: lineOf(emptyKey, '--kubelet-client-key='), message: /sets an empty --kubelet-client-key/ }],
      },
    ],
  });
});
