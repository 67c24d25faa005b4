import { at } from '../../model/control-plane/components.js';
import { KUBELET_BASE, kubeletExample } from '../control-plane-examples.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'kubelet',
  meta: {
    id: 'kubelet/tls-certificate',
    description:
      'Require the kubelet to serve a CA-signed certificate (tlsCertFile and tlsPrivateKeyFile, or serverTLSBootstrap)',
    rationale:
      'Without a serving certificate the kubelet generates a self-signed one. The API server cannot verify it, so exec, attach and log streams to the node can be intercepted by anyone who answers for its address.',
    severity: 'medium',
    threats: ['network-sniffing'],
    references: ['CIS Kubernetes 4.2.9'],
    remediation:
      'Set `serverTLSBootstrap: true` and approve the kubelet serving CSRs, or set `tlsCertFile` and `tlsPrivateKeyFile` to a certificate from the cluster CA.',
    related: [{ tool: 'kube-bench', id: '4.2.9' }],
    examples: [
      {
        bad: kubeletExample(KUBELET_BASE),
        good: kubeletExample(`${KUBELET_BASE}serverTLSBootstrap: true\n`),
      },
    ],
  },
  check(kubelet, context) {
    const bootstrap = kubelet.bool({
      flag: 'rotate-server-certificates',
      config: ['serverTLSBootstrap'],
      configDefault: false,
      legacyDefault: false,
    });
    if (!bootstrap || bootstrap.value) return;
    const cert = kubelet.string({
      flag: 'tls-cert-file',
      config: ['tlsCertFile'],
      configDefault: undefined,
      legacyDefault: undefined,
    });
    const key = kubelet.string({
      flag: 'tls-private-key-file',
      config: ['tlsPrivateKeyFile'],
      configDefault: undefined,
      legacyDefault: undefined,
    });
    if (!cert || !key) return;
    if (cert.value && key.value) return;
    context.report({
      ...at(cert.value ? key.at : cert.at),
      message: `${kubelet.label} has no serving certificate (no tlsCertFile/tlsPrivateKeyFile and no serverTLSBootstrap): it serves a self-signed certificate the API server cannot verify.`,
    });
  },
});
