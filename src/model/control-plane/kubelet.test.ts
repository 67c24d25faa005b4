import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { emptyConfig } from '../../engine/config.js';
import { allRules } from '../../rules/index.js';
import { scan } from '../../scan.js';

const root = mkdtempSync(join(tmpdir(), 'greenbelt-kubelet-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function node(name: string, files: Record<string, string>): string {
  const dir = join(root, name);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

async function kubeletFindings(dir: string) {
  const result = await scan({
    paths: ['.'],
    cwd: dir,
    config: emptyConfig(dir),
    rules: allRules.filter((r) => r.target === 'kubelet'),
  });
  expect(result.errors).toEqual([]);
  return result.findings.map((f) => `${f.rule} ${f.file}:${f.line}:${f.column}`);
}

const DROP_IN = `[Service]
Environment="KUBELET_KUBECONFIG_ARGS=--kubeconfig=/etc/kubernetes/kubelet.conf"
Environment="KUBELET_CONFIG_ARGS=--config=/var/lib/kubelet/config.yaml"
EnvironmentFile=-/var/lib/kubelet/kubeadm-flags.env
EnvironmentFile=-/etc/default/kubelet
ExecStart=
ExecStart=/usr/bin/kubelet $KUBELET_KUBECONFIG_ARGS $KUBELET_CONFIG_ARGS $KUBELET_KUBEADM_ARGS $KUBELET_EXTRA_ARGS
`;
const CONFIG = `apiVersion: kubelet.config.k8s.io/v1beta1
kind: KubeletConfiguration
authentication:
  anonymous:
    enabled: false
  webhook:
    enabled: true
  x509:
    clientCAFile: /etc/kubernetes/pki/ca.crt
authorization:
  mode: Webhook
readOnlyPort: 0
rotateCertificates: true
serverTLSBootstrap: true
protectKernelDefaults: true
seccompDefault: true
podPidsLimit: 4096
tlsCipherSuites: [TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256]
`;

describe("a node's kubelet from its systemd drop-in, environment files and config file", () => {
  it('is clean when the config file is hardened and the flags add nothing insecure', async () => {
    const dir = node('clean', {
      'etc/systemd/system/kubelet.service.d/10-kubeadm.conf': DROP_IN,
      'var/lib/kubelet/kubeadm-flags.env':
        'KUBELET_KUBEADM_ARGS="--container-runtime-endpoint=unix:///run/containerd/containerd.sock"\n',
      'var/lib/kubelet/config.yaml': CONFIG,
    });
    expect(await kubeletFindings(dir)).toEqual([]);
  });

  it('reports a flag in /etc/default/kubelet that overrides the config file, at the flag', async () => {
    const dir = node('override', {
      'etc/systemd/system/kubelet.service.d/10-kubeadm.conf': DROP_IN,
      'etc/default/kubelet': 'KUBELET_EXTRA_ARGS="--node-ip=10.0.0.7 --read-only-port=10255"\n',
      'var/lib/kubelet/config.yaml': CONFIG,
    });
    expect(await kubeletFindings(dir)).toEqual(['kubelet/read-only-port etc/default/kubelet:1:40']);
  });

  it('ignores an environment file the unit does not read', async () => {
    const dir = node('unreferenced', {
      'etc/systemd/system/kubelet.service.d/10-kubeadm.conf': DROP_IN,
      'etc/sysconfig/kubelet': 'KUBELET_EXTRA_ARGS="--read-only-port=10255"\n',
      'var/lib/kubelet/config.yaml': CONFIG,
    });
    expect(await kubeletFindings(dir)).toEqual([]);
  });

  it('uses the legacy flag defaults when no config file is used, reported at the ExecStart', async () => {
    const dir = node('legacy', {
      'lib/systemd/system/kubelet.service':
        '[Unit]\nDescription=kubelet\n[Service]\nExecStart=/usr/bin/kubelet --kubeconfig=/etc/kubernetes/kubelet.conf --anonymous-auth=false\n',
    });
    const findings = await kubeletFindings(dir);
    expect(findings).toContain('kubelet/authorization-mode lib/systemd/system/kubelet.service:4:11');
    expect(findings).toContain('kubelet/read-only-port lib/systemd/system/kubelet.service:4:11');
    expect(findings.some((f) => f.startsWith('kubelet/anonymous-auth'))).toBe(false);
  });

  it('combines kubeadm kubeletExtraArgs with the KubeletConfiguration of the same file', async () => {
    const dir = node('kubeadm', {
      'kubeadm-config.yaml': `apiVersion: kubeadm.k8s.io/v1beta4
kind: InitConfiguration
nodeRegistration:
  kubeletExtraArgs:
    - name: anonymous-auth
      value: "true"
---
${CONFIG}`,
    });
    expect(await kubeletFindings(dir)).toEqual(['kubelet/anonymous-auth kubeadm-config.yaml:5:7']);
  });
});

describe("the kubelet's drop-in configuration directory (--config-dir)", () => {
  const unit = (extra = '') => `[Service]
Environment="KUBELET_CONFIG_ARGS=--config=/var/lib/kubelet/config.yaml --config-dir=/etc/kubernetes/kubelet.conf.d"
ExecStart=
ExecStart=/usr/bin/kubelet $KUBELET_CONFIG_ARGS${extra}
`;
  const UNIT = 'etc/systemd/system/kubelet.service.d/10-kubeadm.conf';
  const fragment = (body: string) => `apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\n${body}`;

  it('applies a fragment over the config file and reports the setting in the fragment', async () => {
    const dir = node('dropin-override', {
      [UNIT]: unit(),
      'var/lib/kubelet/config.yaml': CONFIG,
      'etc/kubernetes/kubelet.conf.d/20-ports.conf': fragment('readOnlyPort: 10255\n'),
    });
    expect(await kubeletFindings(dir)).toEqual(['kubelet/read-only-port etc/kubernetes/kubelet.conf.d/20-ports.conf:3:1']);
  });

  it('applies fragments in lexical order of their names', async () => {
    const later = node('dropin-order-fixed', {
      [UNIT]: unit(),
      'var/lib/kubelet/config.yaml': CONFIG,
      'etc/kubernetes/kubelet.conf.d/10-open.conf': fragment('readOnlyPort: 10255\n'),
      'etc/kubernetes/kubelet.conf.d/20-close.conf': fragment('readOnlyPort: 0\n'),
    });
    expect(await kubeletFindings(later)).toEqual([]);
    const earlier = node('dropin-order-open', {
      [UNIT]: unit(),
      'var/lib/kubelet/config.yaml': CONFIG,
      'etc/kubernetes/kubelet.conf.d/10-close.conf': fragment('readOnlyPort: 0\n'),
      'etc/kubernetes/kubelet.conf.d/20-open.conf': fragment('readOnlyPort: 10255\n'),
    });
    expect(await kubeletFindings(earlier)).toEqual(['kubelet/read-only-port etc/kubernetes/kubelet.conf.d/20-open.conf:3:1']);
  });

  it('merges maps key by key, replaces lists, and leaves a value a null deletes', async () => {
    const dir = node('dropin-merge', {
      [UNIT]: unit(),
      'var/lib/kubelet/config.yaml': CONFIG,
      'etc/kubernetes/kubelet.conf.d/10-ca.conf': fragment('authentication:\n  x509:\n    clientCAFile: /etc/pki/ca.crt\n'),
      'etc/kubernetes/kubelet.conf.d/20-null.conf': fragment('protectKernelDefaults: null\n'),
      'etc/kubernetes/kubelet.conf.d/30-ciphers.conf': fragment(
        'tlsCipherSuites:\n  - TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256\n  - TLS_RSA_WITH_AES_128_CBC_SHA\n',
      ),
    });
    // anonymous: false and webhook: true survive the x509 fragment; protectKernelDefaults stays true;
    // the cipher list is replaced as a whole.
    expect(await kubeletFindings(dir)).toEqual(['kubelet/strong-ciphers etc/kubernetes/kubelet.conf.d/30-ciphers.conf:3:1']);
  });

  it('lets command-line flags win over the fragments', async () => {
    const dir = node('dropin-flags', {
      [UNIT]: unit(' --anonymous-auth=false'),
      'var/lib/kubelet/config.yaml': CONFIG,
      'etc/kubernetes/kubelet.conf.d/50-anonymous.conf': fragment('authentication:\n  anonymous:\n    enabled: true\n'),
    });
    expect(await kubeletFindings(dir)).toEqual([]);
  });

  it('decides only flags when the directory is named but none of its files is in the scan', async () => {
    const dir = node('dropin-absent', {
      [UNIT]: unit(' --read-only-port=10255'),
      'var/lib/kubelet/config.yaml': CONFIG.replace('protectKernelDefaults: true', 'protectKernelDefaults: false'),
    });
    expect(await kubeletFindings(dir)).toEqual([`kubelet/read-only-port ${UNIT}:4:49`]);
  });

  it('does not check a fragment on its own, as if it were a whole configuration', async () => {
    const dir = node('dropin-alone', {
      'etc/kubernetes/kubelet.conf.d/20-ports.conf': fragment('readOnlyPort: 0\n'),
    });
    expect(await kubeletFindings(dir)).toEqual([]);
  });

  it('reads the fragments over the legacy flag defaults when there is no --config', async () => {
    const dir = node('dropin-legacy', {
      [UNIT]: unit().replace('--config=/var/lib/kubelet/config.yaml ', ''),
      'etc/kubernetes/kubelet.conf.d/10-all.conf': fragment(CONFIG.split('\n').slice(2).join('\n')),
    });
    expect(await kubeletFindings(dir)).toEqual([]);
  });
});
