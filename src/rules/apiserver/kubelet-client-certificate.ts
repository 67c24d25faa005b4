import { requireFlags } from '../../analyzers/control-plane.js';
import { podExample } from '../control-plane-examples.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'apiserver',
  meta: {
    id: 'apiserver/kubelet-client-certificate',
    description: 'Require a client certificate for the API server to authenticate to kubelets',
    rationale:
      'The API server calls every kubelet for exec, attach, port-forward and logs. Without --kubelet-client-certificate and --kubelet-client-key it connects without credentials, so the kubelets must allow anonymous access for those calls to work, and then anyone who reaches port 10250 can run commands in every pod on the node.',
    severity: 'high',
    threats: ['control-plane-exposure', 'lateral-movement'],
    references: ['CIS Kubernetes 1.2.4'],
    remediation:
      'Issue a client certificate for the API server (kubeadm creates apiserver-kubelet-client.crt) and set `--kubelet-client-certificate` and `--kubelet-client-key`; then turn anonymous access off on the kubelets.',
    related: [{ tool: 'kube-bench', id: '1.2.4' }],
    examples: [
      {
        bad: podExample('kube-apiserver', ['--kubelet-client-certificate=/etc/kubernetes/pki/apiserver-kubelet-client.crt']),
        good: podExample('kube-apiserver', [
          '--kubelet-client-certificate=/etc/kubernetes/pki/apiserver-kubelet-client.crt',
          '--kubelet-client-key=/etc/kubernetes/pki/apiserver-kubelet-client.key',
        ]),
      },
    ],
  },
  check(apiserver, context) {
    requireFlags(
      context,
      apiserver,
      ['kubelet-client-certificate', 'kubelet-client-key'],
      'it calls kubelets without a client certificate, so kubelets must accept unauthenticated exec, logs and port-forward.',
    );
  },
});
