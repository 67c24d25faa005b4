import { checkAuditRetention } from '../../analyzers/control-plane.js';
import { podExample } from '../control-plane-examples.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'apiserver',
  meta: {
    id: 'apiserver/audit-log-maxsize',
    description: 'Require --audit-log-maxsize of at least 100 when the API server writes its audit log to a file',
    rationale:
      'The audit file is rotated at --audit-log-maxsize megabytes. Small files combined with a backup count keep only a little history; the benchmark asks for 100 MB files so that the retained history is meaningful.',
    severity: 'low',
    threats: ['undetected-activity'],
    references: ['CIS Kubernetes 1.2.19'],
    remediation:
      'Set `--audit-log-maxsize=100` or more, sized to the disk of the log directory and how long investigations need the logs.',
    related: [{ tool: 'kube-bench', id: '1.2.19' }],
    examples: [
      {
        bad: podExample('kube-apiserver', ['--audit-log-path=/var/log/kubernetes/audit/audit.log', '--audit-log-maxsize=10']),
        good: podExample('kube-apiserver', ['--audit-log-path=/var/log/kubernetes/audit/audit.log', '--audit-log-maxsize=100']),
      },
    ],
  },
  check(apiserver, context) {
    checkAuditRetention(context, apiserver, 'audit-log-maxsize', 100, 'the size of each audit file in megabytes');
  },
});
