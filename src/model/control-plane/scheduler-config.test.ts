import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { emptyConfig } from '../../engine/config.js';
import { allRules } from '../../rules/index.js';
import { scan } from '../../scan.js';

const root = mkdtempSync(join(tmpdir(), 'greenbelt-scheduler-config-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function host(name: string, files: Record<string, string>): string {
  const dir = join(root, name);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

async function schedulerFindings(dir: string): Promise<{ where: string[]; messages: string[] }> {
  const result = await scan({
    paths: ['.'],
    cwd: dir,
    config: emptyConfig(dir),
    rules: allRules.filter((r) => r.target === 'scheduler'),
  });
  expect(result.errors).toEqual([]);
  return {
    where: result.findings.map((f) => `${f.rule} ${f.file}:${f.line}:${f.column}`),
    messages: result.findings.map((f) => f.message),
  };
}

function schedulerPod(flags: readonly string[]): string {
  return `apiVersion: v1
kind: Pod
metadata:
  name: kube-scheduler-cp1
  namespace: kube-system
spec:
  containers:
    - name: kube-scheduler
      image: registry.k8s.io/kube-scheduler:v1.34.1
      command:
        - kube-scheduler
${flags.map((f) => `        - ${f}`).join('\n')}
`;
}

const CONFIG = `apiVersion: kubescheduler.config.k8s.io/v1
kind: KubeSchedulerConfiguration
clientConnection:
  kubeconfig: /etc/kubernetes/scheduler.conf
leaderElection:
  leaderElect: true
enableProfiling: false
`;

const CONFIG_PATH = 'etc/kubernetes/scheduler-config.yaml';

describe("kube-scheduler's --config", () => {
  it('takes profiling from the file and ignores --profiling, as the scheduler does', async () => {
    const dir = host('ignored-flag', {
      'etc/kubernetes/manifests/kube-scheduler.yaml': schedulerPod([
        '--bind-address=127.0.0.1',
        '--config=/etc/kubernetes/scheduler-config.yaml',
        '--profiling=false',
      ]),
      [CONFIG_PATH]: CONFIG.replace('enableProfiling: false\n', ''),
    });
    const { where, messages } = await schedulerFindings(dir);
    expect(where).toEqual([`scheduler/no-profiling ${CONFIG_PATH}:1:1`]);
    expect(messages[0]).toMatch(/does not set enableProfiling: false/);
    expect(messages[0]).toMatch(
      /--profiling=false is ignored: the setting is read from \/etc\/kubernetes\/scheduler-config.yaml/,
    );
  });

  it('is clean when the file turns profiling off, whatever the deprecated flag says', async () => {
    const dir = host('clean', {
      'etc/kubernetes/manifests/kube-scheduler.yaml': schedulerPod([
        '--bind-address=127.0.0.1',
        '--config=/etc/kubernetes/scheduler-config.yaml',
        '--profiling=true',
      ]),
      [CONFIG_PATH]: CONFIG,
    });
    expect((await schedulerFindings(dir)).where).toEqual([]);
  });

  it('reports enableProfiling: true at the field, and --bind-address still from the command line', async () => {
    const dir = host('on', {
      'etc/kubernetes/manifests/kube-scheduler.yaml': schedulerPod(['--config=/etc/kubernetes/scheduler-config.yaml']),
      [CONFIG_PATH]: CONFIG.replace('enableProfiling: false', 'enableProfiling: true'),
    });
    const { where, messages } = await schedulerFindings(dir);
    expect(where).toEqual([
      'scheduler/bind-address etc/kubernetes/manifests/kube-scheduler.yaml:10:7',
      `scheduler/no-profiling ${CONFIG_PATH}:7:1`,
    ]);
    expect(messages[1]).toMatch(/\(enableProfiling is true\)/);
  });

  it('cannot decide profiling when the file is not in the scan', async () => {
    const dir = host('absent', {
      'etc/kubernetes/manifests/kube-scheduler.yaml': schedulerPod([
        '--bind-address=127.0.0.1',
        '--config=/etc/kubernetes/scheduler-config.yaml',
        '--profiling=true',
      ]),
    });
    expect((await schedulerFindings(dir)).where).toEqual([]);
  });

  it('checks a KubeSchedulerConfiguration scanned alone for what the file decides only', async () => {
    const dir = host('alone', { [CONFIG_PATH]: CONFIG.replace('enableProfiling: false\n', '') });
    const { where, messages } = await schedulerFindings(dir);
    expect(where).toEqual([`scheduler/no-profiling ${CONFIG_PATH}:1:1`]);
    expect(messages[0]).toMatch(/^kube-scheduler \(etc\/kubernetes\/scheduler-config.yaml\) does not set enableProfiling: false/);
  });

  it('follows --config set through kubeadm extraArgs', async () => {
    const dir = host('kubeadm', {
      'kubeadm-config.yaml': `apiVersion: kubeadm.k8s.io/v1beta4
kind: ClusterConfiguration
scheduler:
  extraArgs:
    - name: config
      value: /etc/kubernetes/scheduler-config.yaml
    - name: profiling
      value: "false"
`,
      [CONFIG_PATH]: CONFIG.replace('enableProfiling: false', 'enableProfiling: true'),
    });
    const { where, messages } = await schedulerFindings(dir);
    expect(where).toEqual([`scheduler/no-profiling ${CONFIG_PATH}:7:1`]);
    expect(messages[0]).toMatch(/--profiling=false is ignored/);
  });
});
