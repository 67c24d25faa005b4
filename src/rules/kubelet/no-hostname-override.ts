import { at } from '../../model/control-plane/components.js';
import { DROP_IN_FILENAME, dropInExample } from '../control-plane-examples.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'kubelet',
  meta: {
    id: 'kubelet/no-hostname-override',
    description: "Disallow overriding the kubelet's node name (--hostname-override)",
    rationale:
      "A node name that differs from the host name breaks the link between the kubelet's serving certificate and the address the API server connects to, so TLS verification of the kubelet is turned off to make things work, and the Node authorizer confines the kubelet to the wrong name.",
    severity: 'low',
    threats: ['network-sniffing'],
    references: ['CIS Kubernetes 4.2.7'],
    remediation: 'Remove `--hostname-override` and give the host the name the node should have.',
    related: [{ tool: 'kube-bench', id: '4.2.7' }],
    examples: [
      {
        bad: dropInExample(['--hostname-override=worker-1']),
        good: dropInExample([]),
        filename: DROP_IN_FILENAME,
      },
    ],
  },
  check(kubelet, context) {
    const occurrence = kubelet.flags.last('hostname-override');
    if (!occurrence) return;
    context.report({
      ...at(occurrence.at),
      message: `${kubelet.label} overrides its node name with --hostname-override=${occurrence.value ?? ''}: certificates and node authorization no longer match the host.`,
    });
  },
});
