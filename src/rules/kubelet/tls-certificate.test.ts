import { describe } from 'vitest';
import { KUBELET_DROP_IN, kubeletConfigWith, kubeletDropIn, SECURE_KUBELET_CONFIG } from '../../testing/control-plane.js';
import { testRule } from '../../testing/index.js';
import rule from './tls-certificate.js';

void kubeletConfigWith;
void kubeletDropIn;
void KUBELET_DROP_IN;

describe('kubelet/tls-certificate', () => {
  testRule(rule, {
    valid: [
      { name: 'hardened config', code: SECURE_KUBELET_CONFIG, filename: 'config.yaml' },
      {
        name: 'flags with a config file outside the scan decide nothing by default',
        code: kubeletDropIn(['--config=/var/lib/kubelet/config.yaml']),
        filename: KUBELET_DROP_IN,
      },
      {
        name: 'explicit certificate files',
        code: kubeletConfigWith(
          'serverTLSBootstrap: true',
          'tlsCertFile: /var/lib/kubelet/pki/kubelet.crt\ntlsPrivateKeyFile: /var/lib/kubelet/pki/kubelet.key',
        ),
        filename: 'config.yaml',
      },
    ],
    invalid: [
      {
        name: 'neither',
        code: kubeletConfigWith('serverTLSBootstrap: true\n', ''),
        filename: 'config.yaml',
        findings: [{ line: 1, message: /self-signed/ }],
      },
    ],
  });
});
