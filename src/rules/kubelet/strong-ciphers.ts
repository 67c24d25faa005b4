import { defaultCipherSuites, STRONG_KUBELET_CIPHERS } from '../../analyzers/control-plane.js';
import { at } from '../../model/control-plane/components.js';
import { KUBELET_BASE, kubeletExample } from '../control-plane-examples.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'kubelet',
  meta: {
    id: 'kubelet/strong-ciphers',
    description: 'Require the kubelet to offer only strong TLS cipher suites (tlsCipherSuites)',
    rationale:
      'Without a list the kubelet accepts every suite its Go version enables, which included RSA key-exchange suites without forward secrecy until Kubernetes 1.30 (Go 1.22) and still includes CBC-mode suites with SHA-1; recorded exec sessions can then be decrypted later if the key leaks. An unset list is medium before Kubernetes 1.30 and low from 1.30 (per `kubernetesVersion`); weak suites listed explicitly are medium.',
    severity: 'medium',
    threats: ['network-sniffing'],
    references: ['CIS Kubernetes 4.2.12'],
    remediation:
      'Set `tlsCipherSuites` to ECDHE AEAD suites: TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305, TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384, TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305, TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384.',
    related: [{ tool: 'kube-bench', id: '4.2.12' }],
    examples: [
      {
        bad: kubeletExample(`${KUBELET_BASE}tlsCipherSuites: [TLS_RSA_WITH_AES_128_CBC_SHA]\n`),
        good: kubeletExample(`${KUBELET_BASE}tlsCipherSuites: [TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256]\n`),
      },
    ],
  },
  check(kubelet, context) {
    const setting = kubelet.list({ flag: 'tls-cipher-suites', config: ['tlsCipherSuites'] });
    if (!setting) return;
    if (setting.from === 'default' || setting.value.length === 0) {
      const defaults = defaultCipherSuites(context.settings.kubernetesVersion);
      context.report({
        ...at(setting.at),
        message: `${kubelet.label} does not set tlsCipherSuites: it accepts the suites its Go version enables by default. ${defaults.text}.`,
        severity: defaults.severity,
      });
      return;
    }
    const weak = setting.value.filter((suite) => !STRONG_KUBELET_CIPHERS.has(suite));
    if (weak.length === 0) return;
    context.report({ ...at(setting.at), message: `${kubelet.label} offers weak TLS cipher suites: ${weak.join(', ')}.` });
  },
});
