import { kubeletSource } from '../../analyzers/control-plane.js';
import { at } from '../../model/control-plane/components.js';
import { KUBELET_BASE, kubeletExample } from '../control-plane-examples.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'kubelet',
  meta: {
    id: 'kubelet/protect-kernel-defaults',
    description: 'Require the kubelet to refuse kernel settings that differ from what it expects (protectKernelDefaults)',
    rationale:
      'By default the kubelet silently rewrites kernel parameters (vm.overcommit_memory, kernel.panic, kernel.panic_on_oops ...) to its own values. With protectKernelDefaults it fails instead, so a node whose hardened sysctls were changed is noticed rather than quietly weakened.',
    severity: 'low',
    threats: ['kernel-exploit', 'resource-starvation'],
    references: ['CIS Kubernetes 1.6.0: 4.2.6'],
    remediation: 'Set the kernel parameters the kubelet expects in the node image and set `protectKernelDefaults: true`.',
    related: [{ tool: 'kube-bench', id: '4.2.6' }],
    examples: [
      {
        bad: kubeletExample(`${KUBELET_BASE}protectKernelDefaults: false\n`),
        good: kubeletExample(`${KUBELET_BASE}protectKernelDefaults: true\n`),
      },
    ],
  },
  check(kubelet, context) {
    const setting = kubelet.bool({
      flag: 'protect-kernel-defaults',
      config: ['protectKernelDefaults'],
      configDefault: false,
      legacyDefault: false,
    });
    if (!setting || setting.value === true) return;
    context.report({
      ...at(setting.at),
      message: `${kubelet.label} silently overrides kernel parameters instead of refusing to run (${kubeletSource(kubelet, setting, 'protect-kernel-defaults', 'protectKernelDefaults', String(setting.value))}).`,
    });
  },
});
