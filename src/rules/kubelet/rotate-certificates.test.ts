import { describe } from 'vitest';
import { KUBELET_DROP_IN, kubeletConfigWith, kubeletDropIn, SECURE_KUBELET_CONFIG } from '../../testing/control-plane.js';
import { testRule } from '../../testing/index.js';
import rule from './rotate-certificates.js';

void kubeletConfigWith;
void kubeletDropIn;
void KUBELET_DROP_IN;

describe('kubelet/rotate-certificates', () => {
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
        name: 'off by default',
        code: kubeletConfigWith('rotateCertificates: true\n', ''),
        filename: 'config.yaml',
        findings: [{ line: 1 }],
      },
      {
        name: 'turned off on the command line',
        code: kubeletDropIn(['--config=/var/lib/kubelet/config.yaml', '--rotate-certificates=false']),
        filename: KUBELET_DROP_IN,
        findings: [{ line: 3 }],
      },
    ],
  });
});
