import { requireFlags } from '../../analyzers/control-plane.js';
import { podExample } from '../control-plane-examples.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'apiserver',
  meta: {
    id: 'apiserver/service-account-key-file',
    description: 'Require a dedicated key for verifying service account tokens (--service-account-key-file)',
    rationale:
      'Without --service-account-key-file the API server verifies service account tokens with its TLS serving key. The serving key then also signs identities: it cannot be rotated without invalidating every token, and anyone who obtains it (it is copied to load balancers and backups more often) can mint tokens for any service account.',
    severity: 'medium',
    threats: ['secret-theft', 'privilege-escalation'],
    references: ['CIS Kubernetes 1.2.22'],
    remediation:
      'Create a dedicated key pair for service accounts (kubeadm uses sa.key and sa.pub); set `--service-account-key-file` to the public key here and `--service-account-private-key-file` on the controller manager.',
    related: [{ tool: 'kube-bench', id: '1.2.22' }],
    examples: [
      {
        bad: podExample('kube-apiserver', ['--tls-private-key-file=/etc/kubernetes/pki/apiserver.key']),
        good: podExample('kube-apiserver', ['--service-account-key-file=/etc/kubernetes/pki/sa.pub']),
      },
    ],
  },
  check(apiserver, context) {
    requireFlags(
      context,
      apiserver,
      ['service-account-key-file'],
      'service account tokens are verified with the TLS serving key, which then cannot be rotated on its own.',
    );
  },
});
