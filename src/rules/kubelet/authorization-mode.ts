import { kubeletSource } from '../../analyzers/control-plane.js';
import { at } from '../../model/control-plane/components.js';
import { KUBELET_BASE, kubeletExample } from '../control-plane-examples.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'kubelet',
  meta: {
    id: 'kubelet/authorization-mode',
    description: 'Disallow the AlwaysAllow authorization mode on the kubelet',
    rationale:
      'With AlwaysAllow (the command-line default when no config file is used) the kubelet authorizes every request it has authenticated, anonymous ones included: exec into any container on the node, read its logs and environment. Webhook mode asks the API server, so RBAC decides.',
    severity: 'critical',
    threats: ['control-plane-exposure', 'host-compromise'],
    references: ['CIS Kubernetes 4.2.2'],
    remediation: 'Set `authorization.mode: Webhook` in the KubeletConfiguration (or `--authorization-mode=Webhook`).',
    related: [{ tool: 'kube-bench', id: '4.2.2' }],
    examples: [
      {
        bad: kubeletExample('authorization:\n  mode: AlwaysAllow\n'),
        good: kubeletExample(KUBELET_BASE),
      },
    ],
  },
  check(kubelet, context) {
    const setting = kubelet.string({
      flag: 'authorization-mode',
      config: ['authorization', 'mode'],
      configDefault: 'Webhook',
      legacyDefault: 'AlwaysAllow',
    });
    if (setting?.value !== 'AlwaysAllow') return;
    context.report({
      ...at(setting.at),
      message: `${kubelet.label} authorizes every request (${kubeletSource(kubelet, setting, 'authorization-mode', 'authorization.mode', 'AlwaysAllow')}): whoever reaches port 10250 can exec into every pod on the node.`,
    });
  },
});
