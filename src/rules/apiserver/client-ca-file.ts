import { requireFlags } from '../../analyzers/control-plane.js';
import { podExample } from '../control-plane-examples.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'apiserver',
  meta: {
    id: 'apiserver/client-ca-file',
    description: 'Require the API server to verify client certificates against a CA (--client-ca-file)',
    rationale:
      'Without --client-ca-file the API server cannot authenticate client certificates: kubelets, the scheduler and the controller manager then need bearer tokens, which are longer lived and easier to steal, and the Node authorizer cannot identify kubelets.',
    severity: 'medium',
    threats: ['control-plane-exposure'],
    references: ['CIS Kubernetes 1.2.25'],
    remediation: 'Set `--client-ca-file` to the cluster CA certificate (kubeadm: /etc/kubernetes/pki/ca.crt).',
    related: [{ tool: 'kube-bench', id: '1.2.25' }],
    examples: [
      {
        bad: podExample('kube-apiserver', ['--authorization-mode=Node,RBAC']),
        good: podExample('kube-apiserver', ['--client-ca-file=/etc/kubernetes/pki/ca.crt']),
      },
    ],
  },
  check(apiserver, context) {
    requireFlags(
      context,
      apiserver,
      ['client-ca-file'],
      'client certificates are not accepted, so components fall back to bearer tokens.',
    );
  },
});
