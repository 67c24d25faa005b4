import { boolFlag, reportFlag, strayNote } from '../../analyzers/control-plane.js';
import { podExample } from '../control-plane-examples.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'controller-manager',
  meta: {
    id: 'controller-manager/use-service-account-credentials',
    description: 'Require each controller to run with its own service account (--use-service-account-credentials)',
    rationale:
      "By default every controller acts with the controller manager's own credentials, which must then hold the union of all their rights. With --use-service-account-credentials each controller uses a service account with only the rights its ClusterRole grants, so a flaw in one controller cannot use another's permissions, and the audit log shows which controller acted.",
    severity: 'medium',
    threats: ['privilege-escalation', 'undetected-activity'],
    references: ['CIS Kubernetes 1.3.3'],
    remediation: 'Add `--use-service-account-credentials=true` (kubeadm sets it).',
    related: [{ tool: 'kube-bench', id: '1.3.3' }],
    examples: [
      {
        bad: podExample('kube-controller-manager', ['--use-service-account-credentials=false']),
        good: podExample('kube-controller-manager', ['--use-service-account-credentials=true']),
      },
    ],
  },
  check(instance, context) {
    const flag = boolFlag(instance, 'use-service-account-credentials', false);
    if (flag.value) return;
    reportFlag(
      context,
      instance,
      'use-service-account-credentials',
      flag.occurrence
        ? `${instance.label} runs every controller with its own credentials (--use-service-account-credentials is false).${strayNote(flag.occurrence)}`
        : `${instance.label} does not set --use-service-account-credentials, which defaults to false: every controller shares one broad identity.`,
    );
  },
});
