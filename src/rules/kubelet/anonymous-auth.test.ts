import { describe } from 'vitest';
import { KUBELET_DROP_IN, kubeletConfigWith, kubeletDropIn, SECURE_KUBELET_CONFIG } from '../../testing/control-plane.js';
import { testRule } from '../../testing/index.js';
import rule from './anonymous-auth.js';

void kubeletConfigWith;
void kubeletDropIn;
void KUBELET_DROP_IN;

describe('kubelet/anonymous-auth', () => {
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
        name: 'enabled in the config',
        code: kubeletConfigWith('    enabled: false', '    enabled: true'),
        filename: 'config.yaml',
        findings: [{ line: 5, column: 5, message: /authentication.anonymous.enabled: true/ }],
      },
      {
        name: 'unset in the config is secure',
        code: kubeletConfigWith('  anonymous:\n    enabled: false\n', ''),
        filename: 'config.yaml',
        findings: [],
      },
      {
        name: 'no config file: the command-line default is on',
        code: kubeletDropIn(['--kubeconfig=/etc/kubernetes/kubelet.conf']),
        filename: KUBELET_DROP_IN,
        findings: [{ line: 3, column: 11, message: /command-line default of a kubelet without a config file/ }],
      },
      {
        name: 'flag on the command line',
        code: kubeletDropIn(['--config=/var/lib/kubelet/config.yaml', '--anonymous-auth=true']),
        filename: KUBELET_DROP_IN,
        findings: [{ line: 3, column: 66, message: /--anonymous-auth=true/ }],
      },
    ],
  });
});
