import { requireFlags } from '../../analyzers/control-plane.js';
import { podExample } from '../control-plane-examples.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'controller-manager',
  meta: {
    id: 'controller-manager/service-account-private-key-file',
    description: 'Require a dedicated key for signing service account tokens (--service-account-private-key-file)',
    rationale:
      'The controller manager signs the tokens of service account Secrets with --service-account-private-key-file. Without it those tokens are not issued, and setups then fall back to long-lived, manually created tokens; with a dedicated key, tokens can be verified and the key rotated apart from TLS keys.',
    severity: 'medium',
    threats: ['secret-theft', 'privilege-escalation'],
    references: ['CIS Kubernetes 1.3.4'],
    remediation:
      'Set `--service-account-private-key-file` to the private half of the key whose public half the API server has in `--service-account-key-file`.',
    related: [{ tool: 'kube-bench', id: '1.3.4' }],
    examples: [
      {
        bad: podExample('kube-controller-manager', ['--bind-address=127.0.0.1']),
        good: podExample('kube-controller-manager', ['--service-account-private-key-file=/etc/kubernetes/pki/sa.key']),
      },
    ],
  },
  check(instance, context) {
    requireFlags(
      context,
      instance,
      ['service-account-private-key-file'],
      'service account tokens are not signed by a dedicated, rotatable key.',
    );
  },
});
