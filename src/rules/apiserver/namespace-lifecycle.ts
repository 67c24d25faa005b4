import { requirePlugin } from '../../analyzers/control-plane.js';
import { podExample } from '../control-plane-examples.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'apiserver',
  meta: {
    id: 'apiserver/namespace-lifecycle',
    description: 'Require the NamespaceLifecycle admission plugin',
    rationale:
      'NamespaceLifecycle (on by default) refuses new objects in namespaces that are being deleted or do not exist, and protects the default, kube-system and kube-public namespaces from deletion. Without it, objects can be created in a terminating namespace, escaping the cleanup and the policies bound to it.',
    severity: 'medium',
    threats: ['privilege-escalation'],
    references: ['CIS Kubernetes 1.2.13'],
    remediation: 'Remove NamespaceLifecycle from `--disable-admission-plugins`.',
    related: [{ tool: 'kube-bench', id: '1.2.13' }],
    examples: [
      {
        bad: podExample('kube-apiserver', ['--disable-admission-plugins=NamespaceLifecycle']),
        good: podExample('kube-apiserver', ['--enable-admission-plugins=NodeRestriction']),
      },
    ],
  },
  check(apiserver, context) {
    requirePlugin(
      context,
      apiserver,
      'NamespaceLifecycle',
      'objects can be created in terminating or missing namespaces and system namespaces can be deleted.',
    );
  },
});
