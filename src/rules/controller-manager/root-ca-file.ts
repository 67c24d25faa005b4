import { requireFlags } from '../../analyzers/control-plane.js';
import { podExample } from '../control-plane-examples.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'controller-manager',
  meta: {
    id: 'controller-manager/root-ca-file',
    description: 'Require the cluster CA to be published to pods (--root-ca-file)',
    rationale:
      'With --root-ca-file the controller manager publishes the cluster CA in every namespace (kube-root-ca.crt) and in service account token volumes. Without it pods cannot verify the API server certificate, so clients turn verification off and a man in the middle can collect their tokens.',
    severity: 'medium',
    threats: ['network-sniffing'],
    references: ['CIS Kubernetes 1.3.5'],
    remediation: 'Set `--root-ca-file` to the cluster CA bundle (kubeadm: /etc/kubernetes/pki/ca.crt).',
    related: [{ tool: 'kube-bench', id: '1.3.5' }],
    examples: [
      {
        bad: podExample('kube-controller-manager', ['--bind-address=127.0.0.1']),
        good: podExample('kube-controller-manager', ['--root-ca-file=/etc/kubernetes/pki/ca.crt']),
      },
    ],
  },
  check(instance, context) {
    requireFlags(context, instance, ['root-ca-file'], 'pods get no CA to verify the API server with.');
  },
});
