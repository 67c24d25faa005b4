import { boolFlag, reportFlag } from '../../analyzers/control-plane.js';
import { versionAtLeast } from '../../model/control-plane/flags.js';
import { podExample } from '../control-plane-examples.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'apiserver',
  meta: {
    id: 'apiserver/encryption-config-reload',
    description: 'Require automatic reload of the encryption config (--encryption-provider-config-automatic-reload, 1.26+)',
    rationale:
      'Without automatic reload every step of a key rotation needs a restart of every API server, so rotations are postponed and compromised keys stay in use. With reload the API server picks up each edit of the file and reports failures on /healthz/kms-providers, so the documented rotation steps can be done without downtime.',
    severity: 'low',
    threats: ['secret-theft'],
    // Not a CIS check: CIS 1.2.27/1.2.28 ask for the flag and the provider, not for reloading.
    references: ['Kubernetes docs: Encrypting Confidential Data at Rest (automatic reload)'],
    remediation:
      'Add `--encryption-provider-config-automatic-reload=true` next to `--encryption-provider-config` (Kubernetes 1.26 or newer).',
    examples: [
      {
        bad: podExample('kube-apiserver', ['--encryption-provider-config=/etc/kubernetes/enc/config.yaml']),
        good: podExample('kube-apiserver', [
          '--encryption-provider-config=/etc/kubernetes/enc/config.yaml',
          '--encryption-provider-config-automatic-reload=true',
        ]),
      },
    ],
  },
  check(apiserver, context) {
    if (!versionAtLeast(context.settings.kubernetesVersion, '1.26')) return;
    if (!apiserver.flags.value('encryption-provider-config')) return;
    const flag = boolFlag(apiserver, 'encryption-provider-config-automatic-reload', false);
    if (flag.value) return;
    reportFlag(
      context,
      apiserver,
      'encryption-provider-config-automatic-reload',
      `${apiserver.label} does not reload its encryption config automatically: each key rotation step needs a restart of every API server.`,
    );
  },
});
