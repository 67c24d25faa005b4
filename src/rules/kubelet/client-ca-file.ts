import { kubeletSource } from '../../analyzers/control-plane.js';
import { at } from '../../model/control-plane/components.js';
import { KUBELET_BASE, kubeletExample } from '../control-plane-examples.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'kubelet',
  meta: {
    id: 'kubelet/client-ca-file',
    description: 'Require the kubelet to verify client certificates (authentication.x509.clientCAFile)',
    rationale:
      'The API server authenticates to the kubelet with a client certificate. Without a client CA the kubelet cannot verify it, so it cannot tell the API server from any other client and falls back to anonymous handling for certificate-based callers.',
    severity: 'medium',
    threats: ['control-plane-exposure'],
    references: ['CIS Kubernetes 4.2.3'],
    remediation:
      'Set `authentication.x509.clientCAFile` to the cluster CA (kubeadm: /etc/kubernetes/pki/ca.crt) or `--client-ca-file`.',
    related: [{ tool: 'kube-bench', id: '4.2.3' }],
    examples: [
      {
        bad: kubeletExample('authorization:\n  mode: Webhook\n'),
        good: kubeletExample(KUBELET_BASE),
      },
    ],
  },
  check(kubelet, context) {
    const setting = kubelet.string({
      flag: 'client-ca-file',
      config: ['authentication', 'x509', 'clientCAFile'],
      configDefault: undefined,
      legacyDefault: undefined,
    });
    if (!setting || (setting.value !== undefined && setting.value.trim() !== '')) return;
    context.report({
      ...at(setting.at),
      message: `${kubelet.label} has no client CA (${kubeletSource(kubelet, setting, 'client-ca-file', 'authentication.x509.clientCAFile', 'unset')}): it cannot verify the API server's client certificate.`,
    });
  },
});
