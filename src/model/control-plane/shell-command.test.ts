import { describe, expect, it } from 'vitest';
import { SourceText } from '../../core/source.js';
import { allRules } from '../../rules/index.js';
import { scanText } from '../../testing/index.js';
import type { Arg } from './flags.js';
import { mapYamlString, shellScriptIndex } from './shell-command.js';

/** 1-based line and column of the first occurrence of `needle` (after `after`, when given). */
function positionOf(text: string, needle: string, after = ''): string {
  const offset = text.indexOf(needle, after === '' ? 0 : text.indexOf(after));
  if (offset === -1) throw new Error(`"${needle}" is not in the text`);
  const before = text.slice(0, offset).split('\n');
  return `${before.length}:${(before[before.length - 1] ?? '').length + 1}`;
}

async function controlPlaneFindings(text: string): Promise<string[]> {
  const result = await scanText(text, {
    filename: 'manifests/pod.yaml',
    rules: allRules.filter((r) => ['apiserver', 'etcd', 'scheduler', 'controller-manager'].includes(r.target)),
  });
  expect(result.errors).toEqual([]);
  return result.findings.map((f) => `${f.rule} ${f.line}:${f.column}`);
}

function pod(name: string, container: string): string {
  return `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  namespace: kube-system
spec:
  containers:
    - name: ${name}
      image: registry.k8s.io/${name}:v1.34.1
${container}`;
}

const args = (...texts: string[]): Arg[] =>
  texts.map((text) => ({ text, at: { on: { source: undefined, locate: () => undefined } } }));

describe('components started through a shell', () => {
  it('finds the script argument of sh -c, bash -ec and busybox sh -c', () => {
    expect(shellScriptIndex(args('/bin/sh', '-c', 'exec etcd'))).toBe(2);
    expect(shellScriptIndex(args('bash', '-ec', 'exec etcd', 'etcd'))).toBe(2);
    expect(shellScriptIndex(args('bash', '-o', 'pipefail', '-c', 'etcd'))).toBe(4);
    expect(shellScriptIndex(args('busybox', 'sh', '-c', 'etcd'))).toBe(3);
    expect(shellScriptIndex(args('/bin/sh', 'script.sh'))).toBe(-1);
    expect(shellScriptIndex(args('/bin/sh', '-c'))).toBe(-1);
    expect(shellScriptIndex(args('python', '-c', 'print(1)'))).toBe(-1);
  });

  it('maps the words of a folded string back into the source', () => {
    const text = 'x: >\n  exec etcd\n  --auto-tls\n';
    const source = new SourceText('a.yaml', text);
    const mapped = mapYamlString('exec etcd --auto-tls\n', source, [3, text.length]);
    const start = mapped.text.indexOf('--auto-tls');
    expect(mapped.sourceRange([start, start + '--auto-tls'.length])).toEqual([
      text.indexOf('--auto-tls'),
      text.indexOf('--auto-tls') + 10,
    ]);
  });

  it('reads the flags of `exec kube-apiserver` in a flow-sequence command, at their column', async () => {
    const text = pod(
      'kube-apiserver',
      '      command: ["/bin/sh", "-c", "exec kube-apiserver --anonymous-auth=true --authorization-mode=Node,RBAC,AlwaysAllow"]\n',
    );
    const findings = await controlPlaneFindings(text);
    expect(findings).toContain(`apiserver/anonymous-auth ${positionOf(text, '--anonymous-auth')}`);
    expect(findings).toContain(`apiserver/no-always-allow ${positionOf(text, '--authorization-mode')}`);
    // Absent flags are reported at the script.
    expect(findings).toContain(`apiserver/audit-log-path ${positionOf(text, '"exec kube-apiserver')}`);
  });

  it('reads a block-scalar script in args, with "$@" taking the arguments after $0', async () => {
    const text = pod(
      'etcd',
      `      command: [/bin/sh, -ec]
      args:
        - |
          mkdir -p /var/lib/etcd
          exec /usr/local/bin/etcd \\
            --name=cp1 \\
            --client-cert-auth=false \\
            --auto-tls "$@"
        - etcd
        - --peer-auto-tls
`,
    );
    const findings = await controlPlaneFindings(text);
    expect(findings).toContain(`etcd/client-cert-auth ${positionOf(text, '--client-cert-auth=false')}`);
    expect(findings).toContain(`etcd/no-auto-tls ${positionOf(text, '--auto-tls')}`);
    expect(findings).toContain(
      `etcd/no-peer-auto-tls ${positionOf(text, '- --peer-auto-tls').replace(/:(\d+)$/, (_, c) => `:${Number(c) + 2}`)}`,
    );
    expect(findings).toContain(
      `etcd/tls-certificate ${positionOf(text, '- |').replace(/:(\d+)$/, (_, c) => `:${Number(c) + 2}`)}`,
    );
  });

  it('prefers the exec-ed command over a command that only checks the version', async () => {
    const text = pod(
      'kube-scheduler',
      `      command:
        - sh
        - -c
        - "kube-scheduler --version --profiling=true; exec kube-scheduler --bind-address=0.0.0.0 --profiling=false"
`,
    );
    const findings = await controlPlaneFindings(text);
    expect(findings).toEqual([`scheduler/bind-address ${positionOf(text, '--bind-address')}`]);
  });

  it('reads hyperkube run through a shell, and leaves other scripts alone', async () => {
    const text = pod('kube-controller-manager', "      command: ['sh', '-c', 'exec hyperkube controller-manager --profiling']\n");
    const findings = await controlPlaneFindings(text);
    expect(findings).toContain(`controller-manager/no-profiling ${positionOf(text, '--profiling')}`);
    const other = pod('helper', "      command: ['sh', '-c', 'echo kube-apiserver --anonymous-auth=true']\n");
    expect(await controlPlaneFindings(other)).toEqual([]);
  });

  it('keeps a finding inside the string when the script has escapes the source spells differently', async () => {
    const text = pod(
      'kube-scheduler',
      '      command: ["sh", "-c", "echo \\"starting\\"; exec kube-scheduler --profiling=true --bind-address=127.0.0.1"]\n',
    );
    const findings = await controlPlaneFindings(text);
    expect(findings).toEqual([`scheduler/no-profiling ${positionOf(text, '--profiling=true')}`]);
  });
});
