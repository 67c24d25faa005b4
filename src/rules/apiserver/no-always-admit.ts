import { admissionPlugin } from '../../analyzers/control-plane.js';
import { at } from '../../model/control-plane/components.js';
import { podExample } from '../control-plane-examples.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'apiserver',
  meta: {
    id: 'apiserver/no-always-admit',
    description: 'Disallow the AlwaysAdmit admission plugin',
    rationale:
      'AlwaysAdmit is a deprecated plugin that admits every request without looking at it. Enabling it says that admission control is not wanted, and in older releases it turned off the checks that other plugins should make.',
    severity: 'high',
    threats: ['privilege-escalation'],
    references: ['CIS Kubernetes 1.2.10'],
    remediation: 'Remove AlwaysAdmit from `--enable-admission-plugins` (or `--admission-control`).',
    related: [{ tool: 'kube-bench', id: '1.2.10' }],
    examples: [
      {
        bad: podExample('kube-apiserver', ['--enable-admission-plugins=NodeRestriction,AlwaysAdmit']),
        good: podExample('kube-apiserver', ['--enable-admission-plugins=NodeRestriction']),
      },
    ],
  },
  check(apiserver, context) {
    const state = admissionPlugin(apiserver, 'AlwaysAdmit', context.settings.kubernetesVersion);
    if (!state.enabled || !state.occurrence) return;
    context.report({
      ...at(state.occurrence.at),
      message: `${apiserver.label} enables the AlwaysAdmit admission plugin, which admits every request unchecked.`,
    });
  },
});
