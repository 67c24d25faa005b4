import { requireFlags } from '../../analyzers/control-plane.js';
import { podExample } from '../control-plane-examples.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'apiserver',
  meta: {
    id: 'apiserver/kubelet-certificate-authority',
    description: 'Require the API server to verify kubelet serving certificates (--kubelet-certificate-authority)',
    rationale:
      "Without --kubelet-certificate-authority the API server does not verify the certificate of the kubelet it connects to. An attacker on the node network who answers for a node's address receives the exec and attach streams, including the commands and secrets typed into them, and can feed back forged logs.",
    severity: 'medium',
    threats: ['network-sniffing', 'control-plane-exposure'],
    references: ['CIS Kubernetes 1.2.5'],
    remediation:
      'Have kubelets get serving certificates signed by the cluster CA (`serverTLSBootstrap: true` and approving their CSRs) and set `--kubelet-certificate-authority` to that CA.',
    related: [{ tool: 'kube-bench', id: '1.2.5' }],
    examples: [
      {
        bad: podExample('kube-apiserver', ['--kubelet-client-key=/etc/kubernetes/pki/apiserver-kubelet-client.key']),
        good: podExample('kube-apiserver', ['--kubelet-certificate-authority=/etc/kubernetes/pki/ca.crt']),
      },
    ],
  },
  check(apiserver, context) {
    requireFlags(
      context,
      apiserver,
      ['kubelet-certificate-authority'],
      'it does not verify kubelet serving certificates, so exec and attach streams can be intercepted.',
    );
  },
});
