import { requirePlugin } from '../../analyzers/control-plane.js';
import { at } from '../../model/control-plane/components.js';
import { podExample } from '../control-plane-examples.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'apiserver',
  meta: {
    id: 'apiserver/event-rate-limit',
    description: 'Require the EventRateLimit admission plugin with a configuration',
    rationale:
      'Events are written by every component and by any client with create rights on events. Without a limit, a crash-looping pod or a hostile client can flood the API server and etcd with events, slowing every other request and filling etcd. EventRateLimit caps events per server, namespace, user or object.',
    severity: 'low',
    threats: ['resource-starvation'],
    references: ['CIS Kubernetes 1.2.9'],
    remediation:
      'Add EventRateLimit to `--enable-admission-plugins` and point `--admission-control-config-file` at an AdmissionConfiguration with an EventRateLimit configuration (limits per Server, Namespace or User).',
    related: [{ tool: 'kube-bench', id: '1.2.9' }],
    examples: [
      {
        bad: podExample('kube-apiserver', ['--enable-admission-plugins=NodeRestriction']),
        good: podExample('kube-apiserver', [
          '--enable-admission-plugins=NodeRestriction,EventRateLimit',
          '--admission-control-config-file=/etc/kubernetes/admission.yaml',
        ]),
      },
    ],
  },
  check(apiserver, context) {
    const state = requirePlugin(context, apiserver, 'EventRateLimit', 'nothing limits how fast events are written to etcd.');
    if (!state.enabled || apiserver.flags.has('admission-control-config-file')) return;
    context.report({
      ...at(state.occurrence?.at ?? apiserver.missingAt),
      message: `${apiserver.label} enables EventRateLimit without --admission-control-config-file: the plugin has no limits to apply and the API server does not start.`,
    });
  },
});
