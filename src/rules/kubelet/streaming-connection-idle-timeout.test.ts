import { describe } from 'vitest';
import { KUBELET_DROP_IN, kubeletConfigWith, kubeletDropIn, SECURE_KUBELET_CONFIG } from '../../testing/control-plane.js';
import { testRule } from '../../testing/index.js';
import rule from './streaming-connection-idle-timeout.js';

void kubeletConfigWith;
void kubeletDropIn;
void KUBELET_DROP_IN;

describe('kubelet/streaming-connection-idle-timeout', () => {
  testRule(rule, {
    valid: [
      { name: 'hardened config', code: SECURE_KUBELET_CONFIG, filename: 'config.yaml' },
      {
        name: 'flags with a config file outside the scan decide nothing by default',
        code: kubeletDropIn(['--config=/var/lib/kubelet/config.yaml']),
        filename: KUBELET_DROP_IN,
      },
      {
        name: 'zero in the config is unset and takes the 4h default',
        code: `${SECURE_KUBELET_CONFIG}streamingConnectionIdleTimeout: 0s\n`,
        filename: 'config.yaml',
      },
    ],
    invalid: [
      {
        name: 'zero flag',
        code: kubeletDropIn(['--config=/var/lib/kubelet/config.yaml', '--streaming-connection-idle-timeout=0']),
        filename: KUBELET_DROP_IN,
        findings: [{ line: 3 }],
      },
    ],
  });
});
