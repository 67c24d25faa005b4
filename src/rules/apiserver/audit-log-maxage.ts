import { checkAuditRetention } from '../../analyzers/control-plane.js';
import { podExample } from '../control-plane-examples.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'apiserver',
  meta: {
    id: 'apiserver/audit-log-maxage',
    description: 'Require --audit-log-maxage of at least 30 when the API server writes its audit log to a file',
    rationale:
      'Rotated audit files older than --audit-log-maxage days are deleted. A short age removes the evidence before an intrusion is noticed, and the median time to detect one is measured in weeks.',
    severity: 'low',
    threats: ['undetected-activity'],
    references: ['CIS Kubernetes 1.2.17'],
    remediation:
      'Set `--audit-log-maxage=30` or more, sized to the disk of the log directory and how long investigations need the logs.',
    related: [{ tool: 'kube-bench', id: '1.2.17' }],
    examples: [
      {
        bad: podExample('kube-apiserver', ['--audit-log-path=/var/log/kubernetes/audit/audit.log', '--audit-log-maxage=7']),
        good: podExample('kube-apiserver', ['--audit-log-path=/var/log/kubernetes/audit/audit.log', '--audit-log-maxage=30']),
      },
    ],
  },
  check(apiserver, context) {
    checkAuditRetention(context, apiserver, 'audit-log-maxage', 30, 'the number of days audit files are kept');
  },
});
