import { describe } from 'vitest';
import { KUBELET_DROP_IN, kubeletConfigWith, kubeletDropIn, SECURE_KUBELET_CONFIG } from '../../testing/control-plane.js';
import { testRule } from '../../testing/index.js';
import rule from './read-only-port.js';

void kubeletConfigWith;
void kubeletDropIn;
void KUBELET_DROP_IN;

describe('kubelet/read-only-port', () => {
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
        name: 'open in the config',
        code: kubeletConfigWith('readOnlyPort: 0', 'readOnlyPort: 10255'),
        filename: 'config.yaml',
        findings: [{ line: 12, message: /port 10255 \(readOnlyPort: 10255\)/ }],
      },
      {
        name: 'no config file: 10255 by default',
        code: kubeletDropIn(['--kubeconfig=/etc/kubernetes/kubelet.conf']),
        filename: KUBELET_DROP_IN,
        findings: [{ line: 3, message: /port 10255/ }],
      },
    ],
  });
});
