import { describe } from 'vitest';
import { COMMAND_LINE, flagsWith, lineOf, staticPod } from '../../testing/control-plane.js';
import { testRule } from '../../testing/index.js';
import rule from './strong-ciphers.js';

const weak = staticPod('kube-apiserver', {
  flags: flagsWith('kube-apiserver', {
    'tls-cipher-suites': 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_RSA_WITH_3DES_EDE_CBC_SHA,TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA',
  }),
});

describe('apiserver/strong-ciphers', () => {
  testRule(rule, {
    valid: [{ name: 'hardened baseline', code: staticPod('kube-apiserver') }],
    invalid: [
      {
        name: 'weak suites named',
        code: weak,
        findings: [
          {
            line: lineOf(weak, '--tls-cipher-suites'),
            message:
              'kube-apiserver in Pod kube-system/kube-apiserver-cp1 offers weak TLS cipher suites: TLS_RSA_WITH_3DES_EDE_CBC_SHA, TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA.',
          },
        ],
      },
      {
        name: 'unset on a current Kubernetes: Go defaults are forward-secret, low',
        code: staticPod('kube-apiserver', { flags: flagsWith('kube-apiserver', { 'tls-cipher-suites': null }) }),
        findings: [{ line: COMMAND_LINE, severity: 'low', message: /CBC-mode suites with SHA-1/ }],
      },
      {
        name: 'unset before Kubernetes 1.30: defaults include RSA key exchange, medium',
        code: staticPod('kube-apiserver', { flags: flagsWith('kube-apiserver', { 'tls-cipher-suites': null }) }),
        settings: (s) => {
          s.kubernetesVersion = '1.29';
        },
        findings: [{ line: COMMAND_LINE, severity: 'medium', message: /RSA key-exchange suites without forward secrecy/ }],
      },
    ],
  });
});
