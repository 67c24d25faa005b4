import { boolFlag, reportFlag, strayNote } from '../../analyzers/control-plane.js';
import { podExample } from '../control-plane-examples.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'etcd',
  meta: {
    id: 'etcd/no-auto-tls',
    description: 'Disallow self-signed client TLS in etcd (--auto-tls)',
    rationale:
      '--auto-tls makes etcd generate a self-signed serving certificate. Clients cannot verify it, so the connection is encrypted but not authenticated: an attacker in the middle presents their own certificate and reads everything.',
    severity: 'high',
    threats: ['network-sniffing', 'control-plane-exposure'],
    references: ['CIS Kubernetes 2.3'],
    remediation: 'Remove `--auto-tls` and configure `--cert-file` and `--key-file` from a real CA.',
    related: [{ tool: 'kube-bench', id: '2.3' }],
    examples: [
      {
        bad: podExample('etcd', ['--auto-tls=true']),
        good: podExample('etcd', ['--auto-tls=false']),
      },
    ],
  },
  check(etcd, context) {
    const flag = boolFlag(etcd, 'auto-tls', false);
    if (flag.value === false && flag.invalid === undefined) return;
    if (flag.invalid !== undefined) {
      reportFlag(
        context,
        etcd,
        'auto-tls',
        `${etcd.label} sets ${etcd.setting('auto-tls')}="${flag.invalid}", which is not a boolean: etcd refuses to start.`,
      );
      return;
    }
    reportFlag(
      context,
      etcd,
      'auto-tls',
      `${etcd.label} serves clients with a self-signed certificate (${etcd.setting('auto-tls')}): clients cannot tell etcd from an impostor.${strayNote(flag.occurrence)}`,
    );
  },
});
