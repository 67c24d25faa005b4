import { authorizationModes } from '../../analyzers/control-plane.js';
import { at } from '../../model/control-plane/components.js';
import { planeOf } from '../../model/control-plane/index.js';
import { podExample } from '../control-plane-examples.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'apiserver',
  meta: {
    id: 'apiserver/no-always-allow',
    description: 'Disallow the AlwaysAllow authorization mode on the API server',
    rationale:
      'AlwaysAllow authorizes every authenticated request, and with anonymous access on, every request at all: any service account token or user can read every Secret and create privileged pods. It is also the default when --authorization-mode is not given, and it allows everything even when listed after RBAC, because the first authorizer that says yes wins.',
    severity: 'critical',
    threats: ['privilege-escalation', 'control-plane-exposure'],
    references: ['CIS Kubernetes 1.2.6'],
    remediation: 'Set `--authorization-mode=Node,RBAC` (and Webhook if you use one); never include AlwaysAllow.',
    related: [{ tool: 'kube-bench', id: '1.2.6' }],
    examples: [
      {
        bad: podExample('kube-apiserver', ['--authorization-mode=RBAC,AlwaysAllow']),
        good: podExample('kube-apiserver', ['--authorization-mode=Node,RBAC']),
      },
    ],
  },
  check(apiserver, context) {
    const plane = planeOf(apiserver);
    const authz = authorizationModes(apiserver, (kind, path) => plane?.fileAt(kind, path));
    if (!authz?.modes.includes('AlwaysAllow')) return;
    const message =
      authz.from === 'default'
        ? `${apiserver.label} does not set --authorization-mode, which defaults to AlwaysAllow: every request is authorized.`
        : authz.modes.length > 1
          ? `${apiserver.label} authorizes with ${authz.modes.join(',')}: AlwaysAllow approves every request that the modes before it do not, so RBAC restricts nothing.`
          : `${apiserver.label} authorizes every request (AlwaysAllow).`;
    context.report({ ...at(authz.at), message });
  },
});
