import { describe } from 'vitest';
import { KUBELET_DROP_IN, kubeletConfigWith, kubeletDropIn, SECURE_KUBELET_CONFIG } from '../../testing/control-plane.js';
import { testRule } from '../../testing/index.js';
import rule from './client-ca-file.js';

void kubeletConfigWith;
void kubeletDropIn;
void KUBELET_DROP_IN;

describe('kubelet/client-ca-file', () => {
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
        name: 'removed from the config',
        code: kubeletConfigWith('  x509:\n    clientCAFile: /etc/kubernetes/pki/ca.crt\n', ''),
        filename: 'config.yaml',
        findings: [{ line: 3, message: /has no client CA/ }],
      },
      {
        name: 'empty flag',
        code: kubeletDropIn(['--config=/var/lib/kubelet/config.yaml', '--client-ca-file=']),
        filename: KUBELET_DROP_IN,
        findings: [{ line: 3, column: 66 }],
      },
    ],
  });
});
