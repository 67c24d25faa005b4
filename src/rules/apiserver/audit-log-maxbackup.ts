import { checkAuditRetention } from '../../analyzers/control-plane.js';
import { podExample } from '../control-plane-examples.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'apiserver',
  meta: {
    id: 'apiserver/audit-log-maxbackup',
    description: 'Require --audit-log-maxbackup of at least 10 when the API server writes its audit log to a file',
    rationale:
      'Only --audit-log-maxbackup rotated audit files are kept. A busy cluster fills a file in minutes, so a low count keeps only the last hour of activity and an attacker can flush their own traces by generating requests.',
    severity: 'low',
    threats: ['undetected-activity'],
    references: ['CIS Kubernetes 1.2.18'],
    remediation:
      'Set `--audit-log-maxbackup=10` or more, sized to the disk of the log directory and how long investigations need the logs.',
    related: [{ tool: 'kube-bench', id: '1.2.18' }],
    examples: [
      {
        bad: podExample('kube-apiserver', ['--audit-log-path=/var/log/kubernetes/audit/audit.log', '--audit-log-maxbackup=3']),
        good: podExample('kube-apiserver', ['--audit-log-path=/var/log/kubernetes/audit/audit.log', '--audit-log-maxbackup=10']),
      },
    ],
  },
  check(apiserver, context) {
    checkAuditRetention(context, apiserver, 'audit-log-maxbackup', 10, 'the number of rotated audit files kept');
  },
});
