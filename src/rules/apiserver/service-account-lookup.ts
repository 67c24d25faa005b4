import { boolFlag, reportFlag, strayNote } from '../../analyzers/control-plane.js';
import { podExample } from '../control-plane-examples.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'apiserver',
  meta: {
    id: 'apiserver/service-account-lookup',
    description: 'Require the API server to check that service account tokens still exist (--service-account-lookup)',
    rationale:
      'With --service-account-lookup=false the API server accepts a service account token as long as its signature is valid, even after the token Secret or the service account was deleted. Deleting a leaked token then does not revoke it.',
    severity: 'medium',
    threats: ['secret-theft', 'privilege-escalation'],
    references: ['CIS Kubernetes 1.2.21'],
    remediation: 'Remove `--service-account-lookup=false` (the default is true) or set it to true.',
    related: [{ tool: 'kube-bench', id: '1.2.21' }],
    examples: [
      {
        bad: podExample('kube-apiserver', ['--service-account-lookup=false']),
        good: podExample('kube-apiserver', ['--service-account-lookup=true']),
      },
    ],
  },
  check(apiserver, context) {
    const flag = boolFlag(apiserver, 'service-account-lookup', true);
    if (!flag.occurrence || (flag.value && flag.invalid === undefined)) return;
    reportFlag(
      context,
      apiserver,
      'service-account-lookup',
      flag.invalid !== undefined
        ? `${apiserver.label} sets --service-account-lookup="${flag.invalid}", which is not a boolean: the API server refuses to start.`
        : `${apiserver.label} does not check that service account tokens still exist (--service-account-lookup=false): deleting a leaked token does not revoke it.${strayNote(flag.occurrence)}`,
    );
  },
});
