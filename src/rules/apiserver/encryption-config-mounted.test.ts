import { describe } from 'vitest';
import { flagsWith, lineOf, staticPod } from '../../testing/control-plane.js';
import { testRule } from '../../testing/index.js';
import rule from './encryption-config-mounted.js';

const elsewhere = staticPod('kube-apiserver', {
  flags: flagsWith('kube-apiserver', { 'encryption-provider-config': '/var/lib/kubernetes/encryption.yaml' }),
});
const kubeadm = (extraVolumes: string) => `apiVersion: kubeadm.k8s.io/v1beta4
kind: ClusterConfiguration
apiServer:
  extraArgs:
    - name: encryption-provider-config
      value: /etc/kubernetes/enc/config.yaml
${extraVolumes}`;

describe('apiserver/encryption-config-mounted', () => {
  testRule(rule, {
    valid: [
      { name: 'hardened baseline mounts /etc/kubernetes/enc', code: staticPod('kube-apiserver') },
      {
        name: 'inside the PKI directory kubeadm mounts',
        code: staticPod('kube-apiserver', {
          flags: flagsWith('kube-apiserver', { 'encryption-provider-config': '/etc/kubernetes/pki/enc.yaml' }),
        }),
      },
      {
        name: 'kubeadm extraVolumes',
        code: kubeadm(
          '  extraVolumes:\n    - name: enc\n      hostPath: /etc/kubernetes/enc\n      mountPath: /etc/kubernetes/enc\n      readOnly: true\n',
        ),
      },
    ],
    invalid: [
      {
        name: 'not mounted',
        code: elsewhere,
        findings: [{ line: lineOf(elsewhere, '--encryption-provider-config='), message: /no volume is mounted there/ }],
      },
      { name: 'kubeadm without extraVolumes', code: kubeadm(''), findings: [{ line: 5, message: /does not start/ }] },
    ],
  });
});
