import { describe, expect, it } from 'vitest';
import { pickHandler } from './load.js';
import { handlers } from './registry.js';

const FRAGMENT = 'apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nreadOnlyPort: 0\n';

function handlerFor(path: string, text: string, explicit = false): string | undefined {
  const name = path.split('/').pop() ?? path;
  return pickHandler(handlers, name, path, () => text, explicit)?.name;
}

describe('kubelet drop-in configuration files', () => {
  it('claims *.conf files under a kubelet.conf.d directory, nested ones too', () => {
    expect(handlerFor('etc/kubernetes/kubelet.conf.d/10-a.conf', FRAGMENT)).toBe('kubelet-config-drop-in');
    expect(handlerFor('etc/kubernetes/kubelet.conf.d/node/20-b.conf', FRAGMENT)).toBe('kubelet-config-drop-in');
  });

  it('recognises a walked .conf file elsewhere by its kind, and leaves systemd drop-ins to their handler', () => {
    expect(handlerFor('etc/kubelet-extra/99-x.conf', FRAGMENT)).toBe('kubelet-config-drop-in');
    expect(handlerFor('etc/systemd/system/kubelet.service.d/10-kubeadm.conf', '[Service]\nExecStart=\n')).toBe('kubelet-flags');
    expect(handlerFor('etc/sysctl.d/99-k8s.conf', 'net.ipv4.ip_forward = 1\n')).toBeUndefined();
  });
});
