/**
 * `greenbelt netpol` end to end through the command table: outputs, exit codes and errors.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Io } from '../src/cli/io.js';
import { runCli } from '../src/cli/run.js';

const dir = mkdtempSync(join(tmpdir(), 'greenbelt-netpol-'));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    stdin: (async function* () {})(),
    env: {},
    cwd: dir,
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}

const app = `apiVersion: v1
kind: Pod
metadata: { name: web, namespace: shop, labels: { app: web } }
spec: { containers: [{ name: web, image: "nginx:1.27", ports: [{ containerPort: 8080 }] }] }
---
apiVersion: v1
kind: Pod
metadata: { name: api, namespace: shop, labels: { app: api } }
spec: { containers: [{ name: api, image: "ghcr.io/acme/api:1" }] }
`;

const policy = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: web, namespace: shop }
spec:
  podSelector: { matchLabels: { app: web } }
  ingress:
    - from: [{ podSelector: { matchLabels: { app: api } } }]
      ports: [{ port: 8080 }]
`;

const v1 = file('v1.yaml', app + '---\n' + policy);
const v2 = file('v2.yaml', app + '---\n' + policy.replace('[{ port: 8080 }]', '[{ port: 8080 }, { port: 9090 }]'));

describe('greenbelt netpol', () => {
  it('lists the connectivity map', async () => {
    const { code, stdout } = await cli('netpol', 'list', v1);
    expect(code).toBe(0);
    expect(stdout).toContain('shop/api[Pod] => shop/web[Pod] : TCP 8080\n');
    expect(stdout).not.toContain('=> shop/web[Pod] : All');
  });

  it('focuses on one workload and direction', async () => {
    const { stdout } = await cli(
      'netpol',
      'list',
      v1,
      '--focus-workload',
      'shop/web',
      '--focus-direction',
      'ingress',
      '-f',
      'json',
    );
    expect(JSON.parse(stdout)).toEqual([{ src: 'shop/api[Pod]', dst: 'shop/web[Pod]', conn: 'TCP 8080' }]);
    expect((await cli('netpol', 'list', v1, '--focus-workload', 'nope')).code).toBe(2);
    expect((await cli('netpol', 'list', v1, '--focus-direction', 'ingress')).code).toBe(2);
  });

  it('reports invalid policies with positions and exits 2; --ignore-errors still lists', async () => {
    const bad = file('bad.yaml', app + '---\n' + policy.replace('port: 8080', 'port: 8080, endPort: 80'));
    const failed = await cli('netpol', 'list', bad);
    expect(failed.code).toBe(2);
    expect(failed.stdout).toBe('');
    expect(failed.stderr).toMatch(/bad\.yaml:18:\d+: NetworkPolicy "shop\/web": port range 8080-80 is not legal/);
    const ignored = await cli('netpol', 'list', bad, '--ignore-errors');
    expect(ignored.code).toBe(0);
    // The invalid port matches nothing: web stays isolated, and api gets no port at all.
    expect(ignored.stdout).not.toContain('=> shop/web[Pod]');
  });

  it('explains, answering yes or no for a port', async () => {
    const yes = await cli('netpol', 'explain', 'shop/api', 'web', '--port', '8080/TCP', v1);
    expect(yes.code).toBe(0);
    expect(yes.stdout.split('\n')[0]).toBe('shop/api[Pod] => shop/web[Pod] on TCP 8080: allowed');
    expect(yes.stdout).toMatch(/ingress rule #1 \(.*v1\.yaml:17\) matches shop\/api\[Pod\]/);
    const no = await cli('netpol', 'explain', 'api', 'web', '--port', '9090', v1);
    expect(no.code).toBe(1);
    const unknown = await cli('netpol', 'explain', 'api', 'nope', v1);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('nope: no such workload in the input');
    expect((await cli('netpol', 'explain', 'api', 'web', '--port', 'http', v1)).code).toBe(2);
  });

  it('diffs two versions and can fail when the new one opens something', async () => {
    const diff = await cli('netpol', 'diff', v1, v2);
    expect(diff.code).toBe(0);
    expect(diff.stdout).toBe(
      'Connectivity diff:\ndiff-type: changed, source: shop/api[Pod], destination: shop/web[Pod], ref1: TCP 8080, ref2: TCP 8080,9090\n',
    );
    expect((await cli('netpol', 'diff', v1, v2, '--fail-on-open')).code).toBe(1);
    expect((await cli('netpol', 'diff', v2, v1, '--fail-on-open')).code).toBe(0);
    expect((await cli('netpol', 'diff', v1, v1, '--fail-on-open')).stdout).toBe('');
  });

  it('suggests policies from flows', async () => {
    const flows = file('flows.yaml', '- { from: shop/api, to: shop/web, port: 8080/TCP }\n');
    const out = join(dir, 'suggested.yaml');
    const result = await cli('netpol', 'suggest', file('app.yaml', app), '--flows', flows, '-o', out);
    expect(result.code).toBe(0);
    const yaml = readFileSync(out, 'utf8');
    expect(yaml).toContain('name: allow-ingress-web');
    expect(yaml).toContain('name: default-deny-all');
    expect((await cli('netpol', 'suggest', v1)).code).toBe(2);
    expect((await cli('netpol', 'suggest', v1, '--flows', 'missing.yaml')).code).toBe(2);
    const unwritable = await cli(
      'netpol',
      'suggest',
      file('app2.yaml', app),
      '--flows',
      flows,
      '-o',
      join(dir, 'no', 'such', 'dir.yaml'),
    );
    expect(unwritable.code).toBe(2);
    expect(unwritable.stderr).toContain('cannot write');
  });

  it('rejects unknown subcommands and formats', async () => {
    expect((await cli('netpol')).code).toBe(2);
    expect((await cli('netpol', 'graph')).code).toBe(2);
    expect((await cli('netpol', 'list', v1, '-f', 'svg')).code).toBe(2);
  });
});
