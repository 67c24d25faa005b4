/**
 * A hand-made scan result for report tests: findings with and without files, objects and
 * namespaces, every kind of suppression, text that needs escaping, and input errors.
 */
import type { Finding, ScanResult } from '../core/finding.js';
import { summarise } from '../scan.js';

function finding(partial: Partial<Finding> & Pick<Finding, 'rule' | 'severity' | 'message' | 'fingerprint'>): Finding {
  return {
    threats: ['host-compromise'],
    references: ['CIS Kubernetes 5.2.2'],
    remediation: 'Fix it.',
    suppressed: null,
    ...partial,
  };
}

export const TRICKY = 'Value <a href="x">&amp;</a> it\'s "quoted", 100% sure,\nsecond line\ttab\u0007bell \ud800 lone';

export function sampleResult(): ScanResult {
  const findings: Finding[] = [
    finding({
      rule: 'k8s/no-privileged',
      severity: 'critical',
      message: 'Container "web" runs privileged.',
      file: 'deploy/web.yaml',
      line: 21,
      column: 11,
      endLine: 21,
      endColumn: 27,
      object: { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'shop', name: 'web' },
      path: '/spec/template/spec/containers/0/securityContext/privileged',
      threats: ['host-compromise', 'kernel-exploit'],
      references: ['PSS baseline: Privileged Containers'],
      remediation: 'Remove privileged: true.',
      fingerprint: 'aaaaaaaaaaaaaaaaaaaaaaaa',
    }),
    finding({
      rule: 'test/tricky',
      severity: 'medium',
      message: TRICKY,
      file: 'deploy/rbac.yaml',
      line: 3,
      column: 1,
      endLine: 9,
      endColumn: 5,
      object: { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', name: 'admin:all' },
      path: '/rules/0',
      threats: ['privilege-escalation'],
      evidence: ['verbs: *'],
      fingerprint: 'bbbbbbbbbbbbbbbbbbbbbbbb',
    }),
    finding({
      rule: 'test/low',
      severity: 'low',
      message: 'A low finding in a Dockerfile.',
      file: 'Dockerfile',
      line: 4,
      column: 1,
      endLine: 4,
      endColumn: 1,
      threats: ['malicious-payload'],
      suppressed: { by: 'comment', reason: 'pinned upstream' },
      fingerprint: 'cccccccccccccccccccccccc',
    }),
    finding({
      rule: 'test/info',
      severity: 'info',
      message: 'A live object, without a file.',
      object: { apiVersion: 'v1', kind: 'Namespace', name: 'prod' },
      threats: ['undetected-activity'],
      fingerprint: 'dddddddddddddddddddddddd',
    }),
    finding({
      rule: 'k8s/no-privileged',
      severity: 'critical',
      message: 'Container "agent" runs privileged.',
      file: 'deploy/agent.yaml',
      line: 12,
      column: 9,
      endLine: 12,
      endColumn: 25,
      object: { apiVersion: 'apps/v1', kind: 'DaemonSet', namespace: 'kube-system', name: 'agent' },
      path: '/spec/template/spec/containers/0/securityContext/privileged',
      suppressed: { by: 'baseline', reason: 'present in the baseline .greenbelt-baseline.json' },
      fingerprint: 'eeeeeeeeeeeeeeeeeeeeeeee',
    }),
  ];
  return {
    version: 1,
    findings,
    errors: [
      { file: 'broken.yaml', line: 6, column: 3, message: 'invalid YAML: bad indentation' },
      { file: '<stdin>', line: 1, column: 1, message: 'empty file: nothing to scan' },
    ],
    summary: summarise(findings, 7, 12),
    skipped: [{ file: 'README.md', reason: 'not a file type greenbelt checks' }],
  };
}
