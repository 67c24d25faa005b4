import { kubeletSource } from '../../analyzers/control-plane.js';
import { at } from '../../model/control-plane/components.js';
import { KUBELET_BASE, kubeletExample } from '../control-plane-examples.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'kubelet',
  meta: {
    id: 'kubelet/rotate-certificates',
    description: 'Require the kubelet to renew its client certificate (rotateCertificates)',
    rationale:
      'The kubelet authenticates to the API server with a client certificate. Without rotation (off by default) it is issued for a long time so it does not expire, a stolen copy stays valid for that long, and the node drops out when it finally expires.',
    severity: 'medium',
    threats: ['secret-theft', 'resource-starvation'],
    references: ['CIS Kubernetes 4.2.10'],
    remediation: 'Set `rotateCertificates: true` (or `--rotate-certificates`); kubeadm does.',
    related: [{ tool: 'kube-bench', id: '4.2.10' }],
    examples: [
      {
        bad: kubeletExample(`${KUBELET_BASE}rotateCertificates: false\n`),
        good: kubeletExample(`${KUBELET_BASE}rotateCertificates: true\n`),
      },
    ],
  },
  check(kubelet, context) {
    const setting = kubelet.bool({
      flag: 'rotate-certificates',
      config: ['rotateCertificates'],
      configDefault: false,
      legacyDefault: false,
    });
    if (!setting || setting.value) return;
    context.report({
      ...at(setting.at),
      message: `${kubelet.label} does not renew its client certificate (${kubeletSource(kubelet, setting, 'rotate-certificates', 'rotateCertificates', 'false')}).`,
    });
  },
});
