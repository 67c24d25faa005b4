import { describe } from 'vitest';
import { KUBELET_DROP_IN, kubeletConfigWith, kubeletDropIn, SECURE_KUBELET_CONFIG } from '../../testing/control-plane.js';
import { testRule } from '../../testing/index.js';
import rule from './make-iptables-util-chains.js';

void kubeletConfigWith;
void kubeletDropIn;
void KUBELET_DROP_IN;

describe('kubelet/make-iptables-util-chains', () => {
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
        code: kubeletConfigWith('makeIPTablesUtilChains: true', 'makeIPTablesUtilChains: false'),
        filename: 'config.yaml',
        findings: [{ line: 18 }],
      },
    ],
  });
});
