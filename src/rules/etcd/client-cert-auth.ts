import { boolFlag, reportFlag, strayNote } from '../../analyzers/control-plane.js';
import { podExample } from '../control-plane-examples.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'etcd',
  meta: {
    id: 'etcd/client-cert-auth',
    description: 'Require etcd to authenticate clients with certificates (--client-cert-auth=true)',
    rationale:
      "Without client certificate authentication etcd serves any client that reaches its port: it can read every Secret and rewrite any object, bypassing the API server's authentication, authorization, admission and audit. etcd's default is off.",
    severity: 'critical',
    threats: ['control-plane-exposure', 'secret-theft'],
    references: ['CIS Kubernetes 2.2'],
    remediation:
      "Set `--client-cert-auth=true` and `--trusted-ca-file` to a CA that signs only the API server's etcd client certificate.",
    related: [{ tool: 'kube-bench', id: '2.2' }],
    examples: [
      {
        bad: podExample('etcd', ['--client-cert-auth=false']),
        good: podExample('etcd', ['--client-cert-auth=true']),
      },
    ],
  },
  check(etcd, context) {
    const flag = boolFlag(etcd, 'client-cert-auth', false);
    if (flag.value === true && flag.invalid === undefined) return;
    if (flag.invalid !== undefined) {
      reportFlag(
        context,
        etcd,
        'client-cert-auth',
        `${etcd.label} sets ${etcd.setting('client-cert-auth')}="${flag.invalid}", which is not a boolean: etcd refuses to start.`,
      );
      return;
    }
    reportFlag(
      context,
      etcd,
      'client-cert-auth',
      flag.occurrence
        ? `${etcd.label} accepts clients without a certificate (${etcd.setting('client-cert-auth')} is false): whoever reaches it reads every Secret.${strayNote(flag.occurrence)}`
        : `${etcd.label} does not set ${etcd.setting('client-cert-auth')}, which defaults to false: whoever reaches it reads every Secret.`,
    );
  },
});
