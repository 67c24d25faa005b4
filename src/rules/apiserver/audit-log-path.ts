import { reportFlag } from '../../analyzers/control-plane.js';
import { podExample } from '../control-plane-examples.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'apiserver',
  meta: {
    id: 'apiserver/audit-log-path',
    description: 'Require the API server to write an audit log (--audit-log-path)',
    rationale:
      'The audit log is the only record of who read which Secret, who created the privileged pod, and who granted themselves cluster-admin. Without it an intrusion through the API leaves no trace, and incident response starts blind.',
    severity: 'medium',
    threats: ['undetected-activity'],
    references: ['CIS Kubernetes 1.2.16', 'NSA/CISA Kubernetes Hardening: audit logging'],
    remediation:
      'Set `--audit-log-path` to a file on a mounted host directory (for example /var/log/kubernetes/audit/audit.log) together with `--audit-policy-file`, and ship the file off the host.',
    related: [{ tool: 'kube-bench', id: '1.2.16' }],
    examples: [
      {
        bad: podExample('kube-apiserver', ['--audit-policy-file=/etc/kubernetes/audit/policy.yaml']),
        good: podExample('kube-apiserver', [
          '--audit-log-path=/var/log/kubernetes/audit/audit.log',
          '--audit-policy-file=/etc/kubernetes/audit/policy.yaml',
        ]),
      },
    ],
  },
  check(apiserver, context) {
    const path = apiserver.flags.value('audit-log-path');
    if (path !== undefined && path.trim() !== '') return;
    const webhook = apiserver.flags.has('audit-webhook-config-file')
      ? ' Audit events go only to the webhook, so they are lost whenever it is unreachable.'
      : '';
    reportFlag(
      context,
      apiserver,
      'audit-log-path',
      `${apiserver.label} writes no audit log (--audit-log-path is ${path === undefined ? 'not set' : 'empty'}): API activity leaves no record.${webhook}`,
    );
  },
});
