import { kubeletSource } from '../../analyzers/control-plane.js';
import { at } from '../../model/control-plane/components.js';
import { KUBELET_BASE, kubeletExample } from '../control-plane-examples.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'kubelet',
  meta: {
    id: 'kubelet/make-iptables-util-chains',
    description: 'Require the kubelet to manage its iptables utility chains (makeIPTablesUtilChains)',
    rationale:
      'The kubelet keeps the iptables chains that mark and drop traffic for hostPort and service handling in sync with the pods it runs. When it does not, rules drift from the pod set and traffic meant to be dropped can get through.',
    severity: 'low',
    threats: ['lateral-movement'],
    references: ['CIS Kubernetes 4.2.6'],
    remediation: 'Remove `makeIPTablesUtilChains: false` (the default is true).',
    related: [{ tool: 'kube-bench', id: '4.2.6' }],
    examples: [
      {
        bad: kubeletExample(`${KUBELET_BASE}makeIPTablesUtilChains: false\n`),
        good: kubeletExample(`${KUBELET_BASE}makeIPTablesUtilChains: true\n`),
      },
    ],
  },
  check(kubelet, context) {
    const setting = kubelet.bool({
      flag: 'make-iptables-util-chains',
      config: ['makeIPTablesUtilChains'],
      configDefault: true,
      legacyDefault: true,
    });
    if (!setting || setting.value === true) return;
    context.report({
      ...at(setting.at),
      message: `${kubelet.label} does not maintain its iptables utility chains (${kubeletSource(kubelet, setting, 'make-iptables-util-chains', 'makeIPTablesUtilChains', String(setting.value))}).`,
    });
  },
});
