import { kubeletSource } from '../../analyzers/control-plane.js';
import { at } from '../../model/control-plane/components.js';
import { KUBELET_BASE, kubeletExample } from '../control-plane-examples.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'kubelet',
  meta: {
    id: 'kubelet/pod-pids-limit',
    description: 'Require a per-pod process limit on the kubelet (podPidsLimit)',
    rationale:
      'Without a PID limit (-1, the default) one pod can fork until the node runs out of process IDs: a fork bomb in any container stops the kubelet, the container runtime and every other pod on the node from starting processes.',
    severity: 'low',
    threats: ['resource-starvation'],
    references: ['CIS Kubernetes 4.2.13'],
    remediation: 'Set `podPidsLimit` (or `--pod-max-pids`) to what your largest pods need, for example 4096.',
    related: [{ tool: 'kube-bench', id: '4.2.13' }],
    examples: [
      {
        bad: kubeletExample(KUBELET_BASE),
        good: kubeletExample(`${KUBELET_BASE}podPidsLimit: 4096\n`),
      },
    ],
  },
  check(kubelet, context) {
    const setting = kubelet.number({ flag: 'pod-max-pids', config: ['podPidsLimit'], configDefault: -1, legacyDefault: -1 });
    if (!setting || setting.value > 0) return;
    context.report({
      ...at(setting.at),
      message: `${kubelet.label} does not limit processes per pod (${kubeletSource(kubelet, setting, 'pod-max-pids', 'podPidsLimit', String(setting.value))}): one pod can exhaust the node's PIDs.`,
    });
  },
});
