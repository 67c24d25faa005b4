import { authorizationModes } from '../../analyzers/control-plane.js';
import { at } from '../../model/control-plane/components.js';
import { planeOf } from '../../model/control-plane/index.js';
import { podExample } from '../control-plane-examples.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'apiserver',
  meta: {
    id: 'apiserver/authorization-node',
    description: 'Require the Node authorization mode on the API server',
    rationale:
      'The Node authorizer limits each kubelet to the Secrets, ConfigMaps and volumes of the pods scheduled on its node. Without it, kubelet credentials need broad RBAC rights (usually system:node with cluster-wide read of every Secret), so one compromised node reads the secrets of the whole cluster.',
    severity: 'medium',
    threats: ['privilege-escalation', 'lateral-movement'],
    references: ['CIS Kubernetes 1.2.7'],
    remediation:
      'Add Node to `--authorization-mode` (`--authorization-mode=Node,RBAC`) together with the NodeRestriction admission plugin.',
    related: [{ tool: 'kube-bench', id: '1.2.7' }],
    examples: [
      {
        bad: podExample('kube-apiserver', ['--authorization-mode=RBAC']),
        good: podExample('kube-apiserver', ['--authorization-mode=Node,RBAC']),
      },
    ],
  },
  check(apiserver, context) {
    const plane = planeOf(apiserver);
    const authz = authorizationModes(apiserver, (kind, path) => plane?.fileAt(kind, path));
    if (!authz || authz.modes.includes('Node')) return;
    const modes = authz.from === 'default' ? 'AlwaysAllow (the default)' : authz.modes.join(',') || 'no authorizer';
    context.report({
      ...at(authz.at),
      message: `${apiserver.label} authorizes with ${modes}, without Node: kubelet credentials are not confined to the objects of their own node.`,
    });
  },
});
