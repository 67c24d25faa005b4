import { describe } from 'vitest';
import { COMMAND_LINE, flagsWith, staticPod } from '../../testing/control-plane.js';
import { testRule } from '../../testing/index.js';
import rule from './tls-certificate.js';

describe('apiserver/tls-certificate', () => {
  testRule(rule, {
    valid: [{ name: 'hardened baseline', code: staticPod('kube-apiserver') }],
    invalid: [
      {
        name: 'neither',
        code: staticPod('kube-apiserver', {
          flags: flagsWith('kube-apiserver', { 'tls-cert-file': null, 'tls-private-key-file': null }),
        }),
        findings: [{ line: COMMAND_LINE, message: /--tls-cert-file and --tls-private-key-file/ }],
      },
    ],
  });
});
