import { describe } from 'vitest';
import { KUBELET_DROP_IN, kubeletConfigWith, kubeletDropIn, SECURE_KUBELET_CONFIG } from '../../testing/control-plane.js';
import { testRule } from '../../testing/index.js';
import rule from './strong-ciphers.js';

void kubeletConfigWith;
void kubeletDropIn;
void KUBELET_DROP_IN;

describe('kubelet/strong-ciphers', () => {
  testRule(rule, {
    valid: [
      { name: 'hardened config', code: SECURE_KUBELET_CONFIG, filename: 'config.yaml' },
      {
        name: 'flags with a config file outside the scan decide nothing by default',
        code: kubeletDropIn(['--config=/var/lib/kubelet/config.yaml']),
        filename: KUBELET_DROP_IN,
      },
    ],
    invalid: [
      {
        name: 'weak suite',
        code: kubeletConfigWith('  - TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256', '  - TLS_RSA_WITH_AES_128_CBC_SHA'),
        filename: 'config.yaml',
        findings: [{ line: 19, severity: 'medium', message: /TLS_RSA_WITH_AES_128_CBC_SHA\.$/ }],
      },
      {
        name: 'unset',
        code: kubeletConfigWith(
          'tlsCipherSuites:\n  - TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256\n  - TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256\n',
          '',
        ),
        filename: 'config.yaml',
        findings: [{ line: 1, severity: 'low' }],
      },
      {
        name: 'unset before Kubernetes 1.30',
        code: kubeletConfigWith(
          'tlsCipherSuites:\n  - TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256\n  - TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256\n',
          '',
        ),
        filename: 'config.yaml',
        settings: (s) => {
          s.kubernetesVersion = '1.28';
        },
        findings: [{ line: 1, severity: 'medium', message: /RSA key-exchange/ }],
      },
    ],
  });
});
