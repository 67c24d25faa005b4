import { boolFlag, reportFlag } from '../../analyzers/control-plane.js';
import { podExample } from '../control-plane-examples.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'apiserver',
  meta: {
    id: 'apiserver/service-account-extend-token-expiration',
    description:
      'Require projected service account tokens to keep their requested lifetime (--service-account-extend-token-expiration=false)',
    rationale:
      'By default the API server extends the lifetime of kubelet-requested service account tokens to a year, to ease the move to bound tokens. A token stolen from a pod then stays valid for a year instead of about an hour.',
    severity: 'low',
    threats: ['secret-theft'],
    references: ['CIS Kubernetes 1.2.30'],
    remediation:
      'Add `--service-account-extend-token-expiration=false` once no workload relies on long-lived tokens (watch the serviceaccount_stale_tokens_total metric first).',
    related: [{ tool: 'kube-bench', id: '1.2.30' }],
    examples: [
      {
        bad: podExample('kube-apiserver', ['--service-account-issuer=https://kubernetes.default.svc']),
        good: podExample('kube-apiserver', ['--service-account-extend-token-expiration=false']),
      },
    ],
  },
  check(apiserver, context) {
    const flag = boolFlag(apiserver, 'service-account-extend-token-expiration', true);
    if (!flag.value) return;
    reportFlag(
      context,
      apiserver,
      'service-account-extend-token-expiration',
      flag.occurrence
        ? `${apiserver.label} extends service account token lifetimes to a year (--service-account-extend-token-expiration is true).`
        : `${apiserver.label} does not set --service-account-extend-token-expiration=false: projected tokens are extended to a year by default.`,
    );
  },
});
