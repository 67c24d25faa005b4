import { reportFlag } from '../../analyzers/control-plane.js';
import { podExample } from '../control-plane-examples.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'apiserver',
  meta: {
    id: 'apiserver/audit-policy-file',
    description: 'Require an audit policy (--audit-policy-file)',
    rationale:
      'The API server records audit events only when an audit policy tells it what to record. Without --audit-policy-file nothing is logged, even with --audit-log-path set, so the audit trail that responders count on is empty.',
    severity: 'medium',
    threats: ['undetected-activity'],
    references: ['CIS Kubernetes 3.2.1'],
    remediation:
      'Write an audit Policy (Metadata level for Secrets, ConfigMaps and TokenReviews; RequestResponse for changes to pods, RBAC and webhooks; record pods/exec, attach, portforward and proxy), mount it and set `--audit-policy-file`.',
    related: [{ tool: 'kube-bench', id: '3.2.1' }],
    examples: [
      {
        bad: podExample('kube-apiserver', ['--audit-log-path=/var/log/kubernetes/audit/audit.log']),
        good: podExample('kube-apiserver', [
          '--audit-log-path=/var/log/kubernetes/audit/audit.log',
          '--audit-policy-file=/etc/kubernetes/audit/policy.yaml',
        ]),
      },
    ],
  },
  check(apiserver, context) {
    const policy = apiserver.flags.value('audit-policy-file');
    if (policy !== undefined && policy.trim() !== '') return;
    const sink = apiserver.flags.value('audit-log-path') ?? apiserver.flags.value('audit-webhook-config-file');
    reportFlag(
      context,
      apiserver,
      'audit-policy-file',
      sink
        ? `${apiserver.label} has an audit backend but no --audit-policy-file: no audit events are recorded.`
        : `${apiserver.label} has no --audit-policy-file: the API server records no audit events.`,
    );
  },
});
