import { at } from '../../model/control-plane/components.js';
import { KUBELET_BASE, kubeletExample } from '../control-plane-examples.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'kubelet',
  meta: {
    id: 'kubelet/rotate-server-certificates',
    description: 'Disallow turning off kubelet serving certificate rotation (RotateKubeletServerCertificate=false)',
    rationale:
      'The RotateKubeletServerCertificate feature gate lets the kubelet request CA-signed serving certificates and renew them. Turning the gate off leaves the kubelet with a self-signed or never-renewed serving certificate that the API server cannot verify.',
    severity: 'low',
    threats: ['network-sniffing'],
    references: ['CIS Kubernetes 4.2.11'],
    remediation: 'Remove `RotateKubeletServerCertificate: false` from `featureGates` (or `--feature-gates`).',
    related: [{ tool: 'kube-bench', id: '4.2.11' }],
    examples: [
      {
        bad: kubeletExample(`${KUBELET_BASE}featureGates:\n  RotateKubeletServerCertificate: false\n`),
        good: kubeletExample(`${KUBELET_BASE}featureGates:\n  RotateKubeletServerCertificate: true\n`),
      },
    ],
  },
  check(kubelet, context) {
    const gate = kubelet.featureGate('RotateKubeletServerCertificate');
    if (gate?.value !== false) return;
    context.report({
      ...at(gate.at),
      message: `${kubelet.label} turns off serving certificate rotation (RotateKubeletServerCertificate=false).`,
    });
  },
});
