import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { emptyConfig } from '../../engine/config.js';
import { allRules } from '../../rules/index.js';
import { scan } from '../../scan.js';
import { looksLikeEtcdConfig } from './etcd-config.js';

const root = mkdtempSync(join(tmpdir(), 'greenbelt-etcd-config-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function host(name: string, files: Record<string, string>): string {
  const dir = join(root, name);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

async function etcdFindings(dir: string): Promise<{ where: string[]; messages: string[] }> {
  const result = await scan({
    paths: ['.'],
    cwd: dir,
    config: emptyConfig(dir),
    rules: allRules.filter((r) => r.target === 'etcd'),
  });
  expect(result.errors).toEqual([]);
  return {
    where: result.findings.map((f) => `${f.rule} ${f.file}:${f.line}:${f.column}`),
    messages: result.findings.map((f) => f.message),
  };
}

const SECURE = `name: cp1
data-dir: /var/lib/etcd
listen-client-urls: https://127.0.0.1:2379,https://10.0.0.10:2379
advertise-client-urls: https://10.0.0.10:2379
listen-peer-urls: https://10.0.0.10:2380
client-transport-security:
  cert-file: /etc/etcd/pki/server.crt
  key-file: /etc/etcd/pki/server.key
  client-cert-auth: true
  trusted-ca-file: /etc/etcd/pki/ca.crt
  auto-tls: false
peer-transport-security:
  cert-file: /etc/etcd/pki/peer.crt
  key-file: /etc/etcd/pki/peer.key
  client-cert-auth: true
  trusted-ca-file: /etc/etcd/pki/ca.crt
`;

/** The secure config with one line replaced. */
function configWith(from: string, to: string): string {
  if (!SECURE.includes(from)) throw new Error(`"${from}" is not in the config`);
  return SECURE.replace(from, to);
}

function etcdPod(command: readonly string[], extra = ''): string {
  return `apiVersion: v1
kind: Pod
metadata:
  name: etcd-cp1
  namespace: kube-system
spec:
  containers:
    - name: etcd
      image: registry.k8s.io/etcd:3.5.15-0
      command:
${command.map((c) => `        - ${c}`).join('\n')}
${extra}`;
}

describe("etcd's configuration file", () => {
  it('is recognised by name and by content, and other YAML is not', () => {
    expect(looksLikeEtcdConfig({ name: 'cp1', 'data-dir': '/var/lib/etcd' }, '/etc/etcd/etcd.conf.yml')).toBe(true);
    expect(looksLikeEtcdConfig({ 'listen-client-urls': 'https://x:2379', 'data-dir': '/d' }, 'member.yaml')).toBe(true);
    expect(looksLikeEtcdConfig({ name: 'cp1', 'data-dir': '/d' }, 'values.yaml')).toBe(false);
    expect(looksLikeEtcdConfig({ image: 'etcd', replicas: 3 }, 'etcd.yaml')).toBe(false);
    // A chart's values for etcd share a key or two with etcd's file, but are not one.
    expect(
      looksLikeEtcdConfig(
        { name: 'etcd', image: {}, replicaCount: 3, auth: {}, persistence: {}, 'log-level': 'info' },
        'etcd-values.yaml',
      ),
    ).toBe(false);
    expect(looksLikeEtcdConfig({ name: 'etcd', image: {}, replicaCount: 3, 'data-dir': '/d' }, 'etcd.yaml')).toBe(false);
    expect(looksLikeEtcdConfig({ apiVersion: 'v1', kind: 'Pod' }, 'etcd.yaml')).toBe(false);
  });

  it('a hardened file is clean, scanned alone', async () => {
    const dir = host('clean', { 'etc/etcd/etcd.conf.yml': SECURE });
    expect((await etcdFindings(dir)).where).toEqual([]);
  });

  it('reports settings of a file scanned alone at their keys, and missing ones in their section', async () => {
    const text = configWith('  auto-tls: false\n', '  auto-tls: true\n').replace('  client-cert-auth: true\n', '');
    const dir = host('alone', { 'etc/etcd/etcd.conf.yml': text });
    const { where, messages } = await etcdFindings(dir);
    expect(where).toEqual(['etcd/client-cert-auth etc/etcd/etcd.conf.yml:6:1', 'etcd/no-auto-tls etc/etcd/etcd.conf.yml:10:3']);
    expect(messages[0]).toMatch(/does not set client-transport-security\.client-cert-auth/);
    expect(messages[1]).toMatch(/\(client-transport-security\.auto-tls\)/);
  });

  it('says that TLS keys at the top level are not read, and points at them', async () => {
    const text = `client-cert-auth: true\n${SECURE.replace('  client-cert-auth: true\n  trusted-ca-file: /etc/etcd/pki/ca.crt\n  auto-tls', '  trusted-ca-file: /etc/etcd/pki/ca.crt\n  auto-tls')}`;
    const dir = host('misplaced', { 'etcd/member.yaml': text });
    const { where, messages } = await etcdFindings(dir);
    expect(where).toEqual(['etcd/client-cert-auth etcd/member.yaml:1:1']);
    expect(messages[0]).toMatch(/top-level "client-cert-auth" key is ignored/);
  });

  it('replaces the flags of a static pod that names it with --config-file', async () => {
    const dir = host('pod', {
      'etc/kubernetes/manifests/etcd.yaml': etcdPod([
        'etcd',
        '--config-file=/etc/etcd/etcd.conf.yml',
        '--client-cert-auth=true',
        '--auto-tls=true',
      ]),
      'etc/etcd/etcd.conf.yml': configWith(
        '  client-cert-auth: true\n  trusted-ca-file: /etc/etcd/pki/ca.crt\n  auto-tls',
        '  client-cert-auth: false\n  trusted-ca-file: /etc/etcd/pki/ca.crt\n  auto-tls',
      ),
    });
    const { where, messages } = await etcdFindings(dir);
    // --auto-tls=true on the command line is ignored (the file says false); client-cert-auth comes from the file.
    expect(where).toEqual(['etcd/client-cert-auth etc/etcd/etcd.conf.yml:9:3']);
    expect(messages[0]).toMatch(/etcd in Pod kube-system\/etcd-cp1 accepts clients without a certificate/);
    expect(messages[0]).toMatch(/--client-cert-auth=true is ignored: the setting is read from \/etc\/etcd\/etcd.conf.yml/);
  });

  it('follows ETCD_CONFIG_FILE as etcd does', async () => {
    const dir = host('env', {
      'etc/kubernetes/manifests/etcd.yaml': etcdPod(
        ['etcd', '--peer-auto-tls'],
        '      env:\n        - name: ETCD_CONFIG_FILE\n          value: /etc/etcd/etcd.conf.yml\n',
      ),
      'etc/etcd/etcd.conf.yml': SECURE,
    });
    expect((await etcdFindings(dir)).where).toEqual([]);
  });

  it('leaves an etcd alone whose config file is not in the scan: nothing about it can be decided', async () => {
    const dir = host('absent', {
      'etc/kubernetes/manifests/etcd.yaml': etcdPod(['etcd', '--config-file=/etc/etcd/etcd.conf.yml', '--auto-tls']),
    });
    expect((await etcdFindings(dir)).where).toEqual([]);
  });

  it('still reads the flags of an etcd without a config file next to an unrelated one', async () => {
    const dir = host('unrelated', {
      'etc/kubernetes/manifests/etcd.yaml': etcdPod(['etcd', '--auto-tls', '--client-cert-auth=true']),
      'etc/etcd/etcd.conf.yml': SECURE,
    });
    const { where } = await etcdFindings(dir);
    expect(where).toContain('etcd/no-auto-tls etc/kubernetes/manifests/etcd.yaml:12:11');
    expect(where.every((w) => !w.includes('etcd.conf.yml'))).toBe(true);
  });
});
