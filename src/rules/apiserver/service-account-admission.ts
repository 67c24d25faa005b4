import { requirePlugin } from '../../analyzers/control-plane.js';
import { podExample } from '../control-plane-examples.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'apiserver',
  meta: {
    id: 'apiserver/service-account-admission',
    description: 'Require the ServiceAccount admission plugin',
    rationale:
      'The ServiceAccount admission plugin (on by default) assigns each pod a service account, mounts its bound, expiring token, and rejects pods that name a service account that does not exist. Turning it off lets pods run without the service account machinery that RBAC and token audiences rely on.',
    severity: 'medium',
    threats: ['privilege-escalation'],
    references: ['CIS Kubernetes 1.2.12'],
    remediation: 'Remove ServiceAccount from `--disable-admission-plugins`.',
    related: [{ tool: 'kube-bench', id: '1.2.12' }],
    examples: [
      {
        bad: podExample('kube-apiserver', ['--disable-admission-plugins=ServiceAccount']),
        good: podExample('kube-apiserver', ['--enable-admission-plugins=NodeRestriction']),
      },
    ],
  },
  check(apiserver, context) {
    requirePlugin(
      context,
      apiserver,
      'ServiceAccount',
      'pods are not bound to service accounts and their tokens are not managed.',
    );
  },
});
