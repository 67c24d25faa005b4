import { describe } from 'vitest';
import { KUBELET_DROP_IN, kubeletConfigWith, kubeletDropIn, SECURE_KUBELET_CONFIG } from '../../testing/control-plane.js';
import { testRule } from '../../testing/index.js';
import rule from './protect-kernel-defaults.js';

void kubeletConfigWith;
void kubeletDropIn;
void KUBELET_DROP_IN;

describe('kubelet/protect-kernel-defaults', () => {
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
        name: 'off',
        code: kubeletConfigWith('protectKernelDefaults: true', 'protectKernelDefaults: false'),
        filename: 'config.yaml',
        findings: [{ line: 15 }],
      },
    ],
  });
});
