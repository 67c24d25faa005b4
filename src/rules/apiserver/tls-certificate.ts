import { requireFlags } from '../../analyzers/control-plane.js';
import { podExample } from '../control-plane-examples.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'apiserver',
  meta: {
    id: 'apiserver/tls-certificate',
    description: 'Require a CA-issued serving certificate for the API server (--tls-cert-file, --tls-private-key-file)',
    rationale:
      'Without a serving certificate the API server generates a self-signed one at start-up. Clients cannot verify it, so kubeconfigs end up with insecure-skip-tls-verify and every credential sent to the API server can be intercepted by anyone on the path.',
    severity: 'high',
    threats: ['network-sniffing', 'control-plane-exposure'],
    references: ['CIS Kubernetes 1.2.24'],
    remediation: 'Issue a serving certificate from the cluster CA and set `--tls-cert-file` and `--tls-private-key-file`.',
    related: [{ tool: 'kube-bench', id: '1.2.24' }],
    examples: [
      {
        bad: podExample('kube-apiserver', ['--tls-cert-file=/etc/kubernetes/pki/apiserver.crt']),
        good: podExample('kube-apiserver', [
          '--tls-cert-file=/etc/kubernetes/pki/apiserver.crt',
          '--tls-private-key-file=/etc/kubernetes/pki/apiserver.key',
        ]),
      },
    ],
  },
  check(apiserver, context) {
    requireFlags(
      context,
      apiserver,
      ['tls-cert-file', 'tls-private-key-file'],
      'it serves a self-signed certificate that clients cannot verify.',
    );
  },
});
