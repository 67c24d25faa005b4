import { describe } from 'vitest';
import { KUBELET_DROP_IN, kubeletConfigWith, kubeletDropIn, SECURE_KUBELET_CONFIG } from '../../testing/control-plane.js';
import { testRule } from '../../testing/index.js';
import rule from './rotate-server-certificates.js';

void kubeletConfigWith;
void kubeletDropIn;
void KUBELET_DROP_IN;

describe('kubelet/rotate-server-certificates', () => {
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
        name: 'gate off in the config',
        code: `${SECURE_KUBELET_CONFIG}featureGates:\n  RotateKubeletServerCertificate: false\n`,
        filename: 'config.yaml',
        findings: [{ line: 23 }],
      },
      {
        name: 'gate off on the command line',
        code: kubeletDropIn(['--config=/var/lib/kubelet/config.yaml', '--feature-gates=RotateKubeletServerCertificate=false']),
        filename: KUBELET_DROP_IN,
        findings: [{ line: 3 }],
      },
    ],
  });
});
