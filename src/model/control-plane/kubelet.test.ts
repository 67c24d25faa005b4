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
