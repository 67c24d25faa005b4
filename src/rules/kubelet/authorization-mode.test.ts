import { describe } from 'vitest';
import { KUBELET_DROP_IN, kubeletConfigWith, kubeletDropIn, SECURE_KUBELET_CONFIG } from '../../testing/control-plane.js';
import { testRule } from '../../testing/index.js';
import rule from './authorization-mode.js';

void kubeletConfigWith;
void kubeletDropIn;
void KUBELET_DROP_IN;

describe('kubelet/authorization-mode', () => {
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
        name: 'AlwaysAllow in the config',
        code: kubeletConfigWith('  mode: Webhook', '  mode: AlwaysAllow'),
        filename: 'config.yaml',
        findings: [{ line: 11, severity: 'critical' }],
      },
      {
        name: 'no config file',
        code: kubeletDropIn(['--kubeconfig=/etc/kubernetes/kubelet.conf']),
        filename: KUBELET_DROP_IN,
        findings: [{ line: 3, message: /AlwaysAllow, the command-line default/ }],
      },
    ],
  });
});
