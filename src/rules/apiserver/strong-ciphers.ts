import { defaultCipherSuites, disallowedItems, STRONG_APISERVER_CIPHERS } from '../../analyzers/control-plane.js';
import { at } from '../../model/control-plane/components.js';
import { podExample } from '../control-plane-examples.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'apiserver',
  meta: {
    id: 'apiserver/strong-ciphers',
    description: 'Require the API server to offer only strong TLS cipher suites (--tls-cipher-suites)',
    rationale:
      'Without an explicit list the API server accepts every cipher suite its Go version enables, which included RSA key-exchange suites without forward secrecy until Kubernetes 1.30 (Go 1.22) and still includes CBC-mode suites with SHA-1. A recorded session can then be decrypted later if the server key leaks, and downgrade attacks have more to choose from. An unset list is medium before Kubernetes 1.30 and low from 1.30 (per `kubernetesVersion`); weak suites listed explicitly are medium.',
    severity: 'medium',
    threats: ['network-sniffing'],
    references: ['CIS Kubernetes 1.2.29'],
    remediation:
      'Set `--tls-cipher-suites` to AEAD suites with ECDHE key exchange, for example TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256.',
    related: [{ tool: 'kube-bench', id: '1.2.29' }],
    examples: [
      {
        bad: podExample('kube-apiserver', [
          '--tls-cipher-suites=TLS_RSA_WITH_AES_128_CBC_SHA,TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
        ]),
        good: podExample('kube-apiserver', [
          '--tls-cipher-suites=TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
        ]),
      },
    ],
  },
  check(apiserver, context) {
    const occurrences = apiserver.flags.all('tls-cipher-suites');
    if (occurrences.length === 0) {
      const defaults = defaultCipherSuites(context.settings.kubernetesVersion);
      context.report({
        ...at(apiserver.whereFlag('tls-cipher-suites')),
        message: `${apiserver.label} does not set --tls-cipher-suites: it accepts the suites its Go version enables by default. ${defaults.text}.`,
        severity: defaults.severity,
        key: 'unset',
      });
      return;
    }
    for (const occurrence of occurrences) {
      const weak = disallowedItems(occurrence, STRONG_APISERVER_CIPHERS);
      if (weak.length === 0) continue;
      context.report({
        on: occurrence.at.on,
        ...(occurrence.at.path ? { path: occurrence.at.path } : {}),
        message: `${apiserver.label} offers weak TLS cipher suites: ${weak.join(', ')}.`,
      });
    }
  },
});
