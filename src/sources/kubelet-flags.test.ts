import { describe, expect, it } from 'vitest';
import { SourceText } from '../core/source.js';
import { isKubeletFlagsPath, kubeletFlagsHandler, parseKubeletFlags } from './kubelet-flags.js';

const KUBEADM_DROP_IN = `# Note: This dropin only works with kubeadm and kubelet v1.11+
[Service]
Environment="KUBELET_KUBECONFIG_ARGS=--bootstrap-kubeconfig=/etc/kubernetes/bootstrap-kubelet.conf --kubeconfig=/etc/kubernetes/kubelet.conf"
Environment="KUBELET_CONFIG_ARGS=--config=/var/lib/kubelet/config.yaml"
# This is a file that "kubeadm init" and "kubeadm join" generates at runtime
EnvironmentFile=-/var/lib/kubelet/kubeadm-flags.env
EnvironmentFile=-/etc/default/kubelet
ExecStart=
ExecStart=/usr/bin/kubelet $KUBELET_KUBECONFIG_ARGS $KUBELET_CONFIG_ARGS $KUBELET_KUBEADM_ARGS $KUBELET_EXTRA_ARGS
`;

function textOf(source: SourceText, range: readonly [number, number] | undefined): string {
  return range ? source.text.slice(range[0], range[1]) : '';
}

describe('kubelet flag files', () => {
  it('claims kubelet files only', () => {
    expect(isKubeletFlagsPath('10-kubeadm.conf', 'etc/systemd/system/kubelet.service.d/10-kubeadm.conf')).toBe(true);
    expect(isKubeletFlagsPath('kubeadm-flags.env', 'var/lib/kubelet/kubeadm-flags.env')).toBe(true);
    expect(isKubeletFlagsPath('kubelet', 'etc/default/kubelet')).toBe(true);
    expect(isKubeletFlagsPath('kubelet', 'etc/sysconfig/kubelet')).toBe(true);
    expect(isKubeletFlagsPath('override.conf', 'etc/systemd/system/docker.service.d/override.conf')).toBe(false);
    expect(isKubeletFlagsPath('docker.service', 'lib/systemd/system/docker.service')).toBe(false);
    expect(kubeletFlagsHandler.sniff?.('[Service]\nExecStart=/usr/bin/dockerd -H fd://\n', 'x.conf')).toBe(false);
    expect(kubeletFlagsHandler.sniff?.('[Service]\nExecStart=/usr/local/bin/kubelet --v=2\n', 'x.conf')).toBe(true);
  });

  it('parses the kubeadm drop-in: quoted Environment words with exact ranges, EnvironmentFile, ExecStart reset', () => {
    const source = new SourceText('10-kubeadm.conf', KUBEADM_DROP_IN);
    const doc = parseKubeletFlags(source);
    expect(doc.format).toBe('systemd');
    expect(doc.environment.map((e) => e.name)).toEqual(['KUBELET_KUBECONFIG_ARGS', 'KUBELET_CONFIG_ARGS']);
    const words = doc.environment[0]?.words ?? [];
    expect(words.map((w) => w.text)).toEqual([
      '--bootstrap-kubeconfig=/etc/kubernetes/bootstrap-kubelet.conf',
      '--kubeconfig=/etc/kubernetes/kubelet.conf',
    ]);
    for (const word of words) expect(textOf(source, word.at.range)).toBe(word.text);
    expect(source.positionAt(words[1]?.at.range?.[0] ?? 0)).toEqual({ line: 3, column: 100 });
    expect(doc.environmentFiles).toEqual([
      { path: '/var/lib/kubelet/kubeadm-flags.env', optional: true },
      { path: '/etc/default/kubelet', optional: true },
    ]);
    expect(doc.execStartReset).toBe(true);
    expect(doc.runsKubelet).toBe(true);
    expect(doc.execStart?.map((w) => w.text)).toEqual([
      '/usr/bin/kubelet',
      '$KUBELET_KUBECONFIG_ARGS',
      '$KUBELET_CONFIG_ARGS',
      '$KUBELET_KUBEADM_ARGS',
      '$KUBELET_EXTRA_ARGS',
    ]);
  });

  it('parses environment files: quotes, export, comments, continuation lines', () => {
    const text = `# written by kubeadm\nKUBELET_KUBEADM_ARGS="--container-runtime-endpoint=unix:///run/containerd/containerd.sock --pod-infra-container-image=registry.k8s.io/pause:3.10"\nexport KUBELET_EXTRA_ARGS=--node-ip=10.0.0.7 # trailing comment\n`;
    const source = new SourceText('kubeadm-flags.env', text);
    const doc = parseKubeletFlags(source);
    expect(doc.format).toBe('env');
    expect(doc.environment.map((e) => [e.name, e.words.map((w) => w.text)])).toEqual([
      [
        'KUBELET_KUBEADM_ARGS',
        [
          '--container-runtime-endpoint=unix:///run/containerd/containerd.sock',
          '--pod-infra-container-image=registry.k8s.io/pause:3.10',
        ],
      ],
      ['KUBELET_EXTRA_ARGS', ['--node-ip=10.0.0.7']],
    ]);
    for (const a of doc.environment) for (const w of a.words) expect(textOf(source, w.at.range)).toBe(w.text);
    const continued = parseKubeletFlags(
      new SourceText(
        'kubelet.service',
        '[Service]\nExecStart=/usr/bin/kubelet \\\n  --anonymous-auth=false \\\n  --read-only-port=0\n',
      ),
    );
    const args = continued.execStart ?? [];
    expect(args.map((a) => a.text)).toEqual(['/usr/bin/kubelet', '--anonymous-auth=false', '--read-only-port=0']);
    expect(continued.source.positionAt(args[2]?.at.range?.[0] ?? 0)).toEqual({ line: 4, column: 3 });
  });

  it('skips files that hold no kubelet flags', async () => {
    const result = await kubeletFlagsHandler.parse(new SourceText('kubelet', '# nothing here\nFOO=bar\n'), {
      settings: (await import('../engine/settings.js')).defaultSettings(),
    });
    expect(result.documents).toEqual([]);
    expect(result.skipReason).toMatch(/no kubelet/);
  });
});
