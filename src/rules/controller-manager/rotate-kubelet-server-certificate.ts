import { at } from '../../model/control-plane/components.js';
import { podExample } from '../control-plane-examples.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'controller-manager',
  meta: {
    id: 'controller-manager/rotate-kubelet-server-certificate',
    description: 'Disallow turning off kubelet serving certificate rotation (RotateKubeletServerCertificate=false)',
    rationale:
      'The RotateKubeletServerCertificate feature lets kubelets request CA-signed serving certificates and renew them before they expire. Turning it off leaves kubelets with self-signed or never-renewed certificates, so the API server cannot verify whom it sends exec and log streams to.',
    severity: 'medium',
    threats: ['network-sniffing'],
    references: ['CIS Kubernetes 1.3.6'],
    remediation: 'Remove `RotateKubeletServerCertificate=false` from `--feature-gates`.',
    related: [{ tool: 'kube-bench', id: '1.3.6' }],
    examples: [
      {
        bad: podExample('kube-controller-manager', ['--feature-gates=RotateKubeletServerCertificate=false']),
        good: podExample('kube-controller-manager', ['--feature-gates=RotateKubeletServerCertificate=true']),
      },
    ],
  },
  check(instance, context) {
    const gate = instance.flags.boolMap('feature-gates').get('RotateKubeletServerCertificate');
    if (gate?.value !== false) return;
    context.report({
      ...at(gate.at.at),
      message: `${instance.label} turns off kubelet serving certificate rotation (RotateKubeletServerCertificate=false).`,
    });
  },
});
