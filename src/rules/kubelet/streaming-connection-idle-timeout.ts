import { at } from '../../model/control-plane/components.js';
import { DROP_IN_FILENAME, dropInExample } from '../control-plane-examples.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'kubelet',
  meta: {
    id: 'kubelet/streaming-connection-idle-timeout',
    description: 'Disallow turning off the idle timeout of kubelet streaming connections',
    rationale:
      'exec, attach and port-forward sessions stay open until they are idle for --streaming-connection-idle-timeout (4h by default). A timeout of 0 keeps forgotten or hijacked sessions open forever, and each holds kubelet resources.',
    severity: 'low',
    threats: ['resource-starvation', 'undetected-activity'],
    references: ['CIS Kubernetes 4.2.5'],
    remediation: 'Remove `--streaming-connection-idle-timeout=0`, or set a timeout such as 5m.',
    related: [{ tool: 'kube-bench', id: '4.2.5' }],
    examples: [
      {
        bad: dropInExample(['--streaming-connection-idle-timeout=0']),
        good: dropInExample(['--streaming-connection-idle-timeout=5m']),
        filename: DROP_IN_FILENAME,
      },
    ],
  },
  check(kubelet, context) {
    const setting = kubelet.duration({
      flag: 'streaming-connection-idle-timeout',
      config: ['streamingConnectionIdleTimeout'],
      configDefault: 4 * 3600,
      legacyDefault: 4 * 3600,
    });
    if (setting?.value !== 0) return;
    context.report({
      ...at(setting.at),
      message: `${kubelet.label} never closes idle exec, attach and port-forward sessions (--streaming-connection-idle-timeout=0).`,
    });
  },
});
