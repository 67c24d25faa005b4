import { boolFlag, reportFlag, strayNote } from '../../analyzers/control-plane.js';
import { podExample } from '../control-plane-examples.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'etcd',
  meta: {
    id: 'etcd/no-peer-auto-tls',
    description: 'Disallow self-signed peer TLS in etcd (--peer-auto-tls)',
    rationale:
      '--peer-auto-tls makes members use self-signed peer certificates that nobody can verify: replication traffic, which carries every object, can be intercepted by a host that impersonates a member.',
    severity: 'high',
    threats: ['network-sniffing', 'control-plane-exposure'],
    references: ['CIS Kubernetes 2.6'],
    remediation: 'Remove `--peer-auto-tls` and configure `--peer-cert-file` and `--peer-key-file` from the etcd CA.',
    related: [{ tool: 'kube-bench', id: '2.6' }],
    examples: [
      {
        bad: podExample('etcd', ['--peer-auto-tls=true']),
        good: podExample('etcd', ['--peer-auto-tls=false']),
      },
    ],
  },
  check(etcd, context) {
    const flag = boolFlag(etcd, 'peer-auto-tls', false);
    if (flag.value === false && flag.invalid === undefined) return;
    if (flag.invalid !== undefined) {
      reportFlag(
        context,
        etcd,
        'peer-auto-tls',
        `${etcd.label} sets ${etcd.setting('peer-auto-tls')}="${flag.invalid}", which is not a boolean: etcd refuses to start.`,
      );
      return;
    }
    reportFlag(
      context,
      etcd,
      'peer-auto-tls',
      `${etcd.label} uses self-signed peer certificates (${etcd.setting('peer-auto-tls')}): members cannot verify each other.${strayNote(flag.occurrence)}`,
    );
  },
});
