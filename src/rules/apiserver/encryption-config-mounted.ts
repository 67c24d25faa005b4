import { at, mountFor } from '../../model/control-plane/components.js';
import { podExample } from '../control-plane-examples.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'apiserver',
  meta: {
    id: 'apiserver/encryption-config-mounted',
    description: 'Require the encryption provider config to be mounted into the API server pod',
    rationale:
      'A static pod sees only the host directories mounted into it. When --encryption-provider-config names a path outside every volumeMount, the API server cannot read the file and does not start; the usual "fix" under pressure is to drop the flag, and Secrets are then written in plain text.',
    severity: 'high',
    threats: ['secret-theft'],
    references: ['CIS Kubernetes 1.2.27', 'Kubernetes docs: Encrypting Confidential Data at Rest'],
    remediation:
      'Add a hostPath volume for the directory of the config file (for example /etc/kubernetes/enc) and a volumeMount with the same mountPath, readOnly: true (kubeadm: apiServer.extraVolumes).',
    related: [{ tool: 'kube-bench', id: '1.2.27' }],
    examples: [
      {
        bad: podExample('kube-apiserver', ['--encryption-provider-config=/etc/kubernetes/enc/config.yaml']),
        good: podExample(
          'kube-apiserver',
          ['--encryption-provider-config=/etc/kubernetes/enc/config.yaml'],
          '      volumeMounts:\n        - name: enc\n          mountPath: /etc/kubernetes/enc\n          readOnly: true\n',
          '  volumes:\n    - name: enc\n      hostPath:\n        path: /etc/kubernetes/enc\n        type: DirectoryOrCreate\n',
        ),
      },
    ],
  },
  check(apiserver, context) {
    const occurrence = apiserver.flags.last('encryption-provider-config');
    const path = occurrence?.value;
    if (!occurrence || !path || !apiserver.mounts) return;
    const mount = mountFor(apiserver.mounts, path);
    if (mount && mount.volumeType !== 'missing') return;
    const message = mount
      ? `${apiserver.label} mounts ${mount.mountPath} for the encryption config from a volume that the pod does not define: the API server cannot read ${path}.`
      : `${apiserver.label} reads its encryption config from ${path}, but no volume is mounted there: the API server cannot read the file and does not start.`;
    context.report({ ...at(occurrence.at), message });
  },
});
