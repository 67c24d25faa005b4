import { boolFlag, reportFlag, strayNote } from '../../analyzers/control-plane.js';
import { podExample } from '../control-plane-examples.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'etcd',
  meta: {
    id: 'etcd/peer-client-cert-auth',
    description: 'Require etcd members to authenticate each other with certificates (--peer-client-cert-auth=true)',
    rationale:
      "Without peer certificate authentication any host that reaches the peer port can join the etcd cluster as a member and receive a full copy of the data, or disturb consensus. etcd's default is off.",
    severity: 'high',
    threats: ['control-plane-exposure', 'secret-theft'],
    references: ['CIS Kubernetes 2.5'],
    remediation: 'Set `--peer-client-cert-auth=true` with `--peer-trusted-ca-file`, `--peer-cert-file` and `--peer-key-file`.',
    related: [{ tool: 'kube-bench', id: '2.5' }],
    examples: [
      {
        bad: podExample('etcd', ['--peer-client-cert-auth=false']),
        good: podExample('etcd', ['--peer-client-cert-auth=true']),
      },
    ],
  },
  check(etcd, context) {
    const flag = boolFlag(etcd, 'peer-client-cert-auth', false);
    if (flag.value === true && flag.invalid === undefined) return;
    if (flag.invalid !== undefined) {
      reportFlag(
        context,
        etcd,
        'peer-client-cert-auth',
        `${etcd.label} sets ${etcd.setting('peer-client-cert-auth')}="${flag.invalid}", which is not a boolean: etcd refuses to start.`,
      );
      return;
    }
    reportFlag(
      context,
      etcd,
      'peer-client-cert-auth',
      flag.occurrence
        ? `${etcd.label} accepts peers without a certificate (${etcd.setting('peer-client-cert-auth')} is false): any host that reaches the peer port can join and copy the data.${strayNote(flag.occurrence)}`
        : `${etcd.label} does not set ${etcd.setting('peer-client-cert-auth')}, which defaults to false: any host that reaches the peer port can join and copy the data.`,
    );
  },
});
