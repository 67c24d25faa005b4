import { authorizationModes } from '../../analyzers/control-plane.js';
import { at } from '../../model/control-plane/components.js';
import { planeOf } from '../../model/control-plane/index.js';
import { podExample } from '../control-plane-examples.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'apiserver',
  meta: {
    id: 'apiserver/authorization-rbac',
    description: 'Require the RBAC authorization mode on the API server',
    rationale:
      'Without the RBAC authorizer, Roles and RoleBindings have no effect: access is decided by the other modes only (ABAC files, webhooks or AlwaysAllow), which are either coarse, hard to audit, or open. Least-privilege service accounts, the basis of every other Kubernetes control, are then impossible.',
    severity: 'high',
    threats: ['privilege-escalation'],
    references: ['CIS Kubernetes 1.2.8'],
    remediation: 'Add RBAC to `--authorization-mode` (`--authorization-mode=Node,RBAC`).',
    related: [{ tool: 'kube-bench', id: '1.2.8' }],
    examples: [
      {
        bad: podExample('kube-apiserver', ['--authorization-mode=Node,Webhook']),
        good: podExample('kube-apiserver', ['--authorization-mode=Node,RBAC']),
      },
    ],
  },
  check(apiserver, context) {
    const plane = planeOf(apiserver);
    const authz = authorizationModes(apiserver, (kind, path) => plane?.fileAt(kind, path));
    if (!authz || authz.modes.includes('RBAC')) return;
    const modes = authz.from === 'default' ? 'AlwaysAllow (the default)' : authz.modes.join(',') || 'no authorizer';
    context.report({
      ...at(authz.at),
      message: `${apiserver.label} authorizes with ${modes}, without RBAC: Roles and RoleBindings are not enforced.`,
    });
  },
});
