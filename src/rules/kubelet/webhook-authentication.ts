import { kubeletSource } from '../../analyzers/control-plane.js';
import { at } from '../../model/control-plane/components.js';
import { KUBELET_BASE, kubeletExample } from '../control-plane-examples.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'kubelet',
  meta: {
    id: 'kubelet/webhook-authentication',
    description: 'Require the kubelet to authenticate bearer tokens through the API server (authentication.webhook.enabled)',
    rationale:
      'Without webhook authentication the kubelet cannot verify service account or user tokens; only client certificates work. Monitoring agents and operators that scrape or call the kubelet with tokens then fail, and the usual workaround is to turn anonymous access on, which opens the node API to everyone.',
    severity: 'medium',
    threats: ['control-plane-exposure'],
    references: ['Kubernetes docs: Kubelet authentication/authorization', 'CIS Kubernetes 1.6.0: 4.2.2'],
    remediation: 'Set `authentication.webhook.enabled: true` (or `--authentication-token-webhook=true`).',
    related: [{ tool: 'kube-bench', id: '4.2.2' }],
    examples: [
      {
        bad: kubeletExample('authentication:\n  webhook:\n    enabled: false\n'),
        good: kubeletExample(KUBELET_BASE),
      },
    ],
  },
  check(kubelet, context) {
    const setting = kubelet.bool({
      flag: 'authentication-token-webhook',
      config: ['authentication', 'webhook', 'enabled'],
      configDefault: true,
      legacyDefault: false,
    });
    if (!setting || setting.value) return;
    context.report({
      ...at(setting.at),
      message: `${kubelet.label} does not verify bearer tokens with the API server (${kubeletSource(kubelet, setting, 'authentication-token-webhook', 'authentication.webhook.enabled', 'false')}): only client certificates authenticate.`,
    });
  },
});
