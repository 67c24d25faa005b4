import { requirePlugin } from '../../analyzers/control-plane.js';
import { podExample } from '../control-plane-examples.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'apiserver',
  meta: {
    id: 'apiserver/node-restriction',
    description: 'Require the NodeRestriction admission plugin',
    rationale:
      'NodeRestriction limits what a kubelet may change to its own Node object and the pods bound to it, and stops it from setting labels that steer workloads (node-restriction.kubernetes.io/). Without it, credentials stolen from one node can relabel other nodes to attract sensitive pods, or edit pods on other nodes.',
    severity: 'high',
    threats: ['privilege-escalation', 'lateral-movement'],
    references: ['CIS Kubernetes 1.2.14'],
    remediation: 'Add NodeRestriction to `--enable-admission-plugins` and use the Node authorization mode.',
    related: [{ tool: 'kube-bench', id: '1.2.14' }],
    examples: [
      {
        bad: podExample('kube-apiserver', ['--enable-admission-plugins=AlwaysPullImages']),
        good: podExample('kube-apiserver', ['--enable-admission-plugins=NodeRestriction']),
      },
    ],
  },
  check(apiserver, context) {
    requirePlugin(context, apiserver, 'NodeRestriction', "a kubelet's credentials can modify other nodes and their pods.");
  },
});
