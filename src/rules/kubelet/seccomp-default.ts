import { kubeletSource } from '../../analyzers/control-plane.js';
import { at } from '../../model/control-plane/components.js';
import { KUBELET_BASE, kubeletExample } from '../control-plane-examples.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'kubelet',
  meta: {
    id: 'kubelet/seccomp-default',
    description: 'Require the kubelet to run containers with the RuntimeDefault seccomp profile by default (seccompDefault)',
    rationale:
      'Without seccompDefault, containers that do not ask for a seccomp profile run Unconfined: every system call, including the rarely used ones behind most container-escape kernel exploits, is available to them.',
    severity: 'low',
    threats: ['kernel-exploit'],
    references: ['CIS Kubernetes 4.2.14', 'PSS restricted: Seccomp'],
    remediation: 'Set `seccompDefault: true` (or `--seccomp-default`); pods that need more can still choose a profile.',
    related: [{ tool: 'kube-bench', id: '4.2.14' }],
    examples: [
      {
        bad: kubeletExample(`${KUBELET_BASE}seccompDefault: false\n`),
        good: kubeletExample(`${KUBELET_BASE}seccompDefault: true\n`),
      },
    ],
  },
  check(kubelet, context) {
    const setting = kubelet.bool({
      flag: 'seccomp-default',
      config: ['seccompDefault'],
      configDefault: false,
      legacyDefault: false,
    });
    if (!setting || setting.value === true) return;
    context.report({
      ...at(setting.at),
      message: `${kubelet.label} runs containers without a seccomp profile unless they ask for one (${kubeletSource(kubelet, setting, 'seccomp-default', 'seccompDefault', String(setting.value))}).`,
    });
  },
});
