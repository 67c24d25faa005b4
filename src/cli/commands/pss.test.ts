import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Io } from '../io.js';
import { runCli } from '../run.js';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function pss(args: string[], cwd: string, stdin = ''): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    stdin: (async function* () {
      yield stdin;
    })(),
    env: {},
    cwd,
  };
  const code = await runCli(['pss', ...args], io);
  return { code, stdout, stderr };
}

const restrictedPod = `apiVersion: v1
kind: Pod
metadata:
  name: good
  namespace: shop
spec:
  securityContext:
    runAsNonRoot: true
    seccompProfile: { type: RuntimeDefault }
  containers:
    - name: web
      image: nginx:1.27
      securityContext:
        allowPrivilegeEscalation: false
        capabilities: { drop: [ALL] }
`;

const privilegedDeployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: agent
spec:
  selector: { matchLabels: { app: agent } }
  template:
    metadata: { labels: { app: agent } }
    spec:
      containers:
        - name: agent
          image: example/agent:1.0
          securityContext: { privileged: true }
---
apiVersion: v1
kind: Service
metadata:
  name: agent
spec:
  ports: [{ port: 80 }]
`;

const probePod = `apiVersion: v1
kind: Pod
metadata:
  name: probe
spec:
  containers:
    - name: web
      image: nginx:1.27
      livenessProbe:
        httpGet: { host: 10.0.0.1, port: 80 }
`;

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'greenbelt-pss-'));
  mkdirSync(join(dir, 'apps', 'nested'), { recursive: true });
  writeFileSync(join(dir, 'apps', 'good.yaml'), restrictedPod);
  writeFileSync(join(dir, 'apps', 'nested', 'agent.yaml'), privilegedDeployment);
  writeFileSync(join(dir, 'probe.yaml'), probePod);
  writeFileSync(join(dir, 'broken.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata: [\n');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('greenbelt pss', () => {
  it('prints one JSON record per workload object, and exits 1 when one is denied', async () => {
    const run = await pss(['--format', 'json', 'apps'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    const records = JSON.parse(run.stdout) as unknown[];
    expect(records).toEqual([
      { file: 'apps/good.yaml', object: { kind: 'Pod', namespace: 'shop', name: 'good' }, allowed: true, violations: [] },
      {
        file: 'apps/nested/agent.yaml',
        object: { kind: 'Deployment', name: 'agent' },
        allowed: false,
        violations: [
          { check: 'privileged', reason: 'privileged', detail: 'container "agent" must not set securityContext.privileged=true' },
          {
            check: 'allowPrivilegeEscalation',
            reason: 'allowPrivilegeEscalation != false',
            detail: 'container "agent" must set securityContext.allowPrivilegeEscalation=false',
          },
          {
            check: 'capabilities_restricted',
            reason: 'unrestricted capabilities',
            detail: 'container "agent" must set securityContext.capabilities.drop=["ALL"]',
          },
          {
            check: 'runAsNonRoot',
            reason: 'runAsNonRoot != true',
            detail: 'pod or container "agent" must set securityContext.runAsNonRoot=true',
          },
          {
            check: 'seccompProfile_restricted',
            reason: 'seccompProfile',
            detail: 'pod or container "agent" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"',
          },
        ],
      },
    ]);
  });

  it('exits 0 when every object is allowed', async () => {
    const run = await pss(['--format', 'json', 'apps/good.yaml'], dir);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toHaveLength(1);
  });

  it('evaluates at the level and version given', async () => {
    const baseline = await pss(['--level', 'baseline', '--format', 'json', 'apps/nested/agent.yaml'], dir);
    expect((JSON.parse(baseline.stdout) as { violations: { check: string }[] }[])[0]?.violations.map((v) => v.check)).toEqual([
      'privileged',
    ]);
    const before = await pss(['-l', 'baseline', '--version', 'v1.33', '-f', 'json', 'probe.yaml'], dir);
    expect(before.code).toBe(0);
    const after = await pss(['-l', 'baseline', '--version', '1.34', '-f', 'json', 'probe.yaml'], dir);
    expect(after.code).toBe(1);
    expect(JSON.parse(after.stdout)[0].violations[0].check).toBe('hostProbesAndHostLifecycle');
  });

  it('reads standard input', async () => {
    const run = await pss(['--format', 'json', '-'], dir, privilegedDeployment);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)[0]).toMatchObject({
      file: '<stdin>',
      object: { kind: 'Deployment', name: 'agent' },
      allowed: false,
    });
  });

  it('prints a readable text form with the object, its verdict, its violations and a summary', async () => {
    const run = await pss(['--level', 'baseline', 'apps'], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      [
        'allowed  apps/good.yaml:1  Pod shop/good',
        'DENIED  apps/nested/agent.yaml:1  Deployment agent',
        '  privileged: privileged (container "agent" must not set securityContext.privileged=true)',
        '',
        '2 workload objects at baseline latest: 1 allowed, 1 denied',
        '',
      ].join('\n'),
    );
  });

  it('colours the text form only when asked or on a terminal', async () => {
    expect((await pss(['--color', 'apps/good.yaml'], dir)).stdout).toContain('\u001b[32mallowed');
    expect((await pss(['apps/good.yaml'], dir)).stdout).not.toContain('\u001b[');
  });

  it('exits 2 on unreadable input, still reporting what it could read', async () => {
    const run = await pss(['--format', 'json', 'broken.yaml', 'apps/good.yaml'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^greenbelt: broken\.yaml:\d+:\d+: invalid YAML/);
    expect(JSON.parse(run.stdout)).toHaveLength(1);
    expect((await pss(['--ignore-errors', 'broken.yaml', 'apps/good.yaml'], dir)).code).toBe(0);
    expect((await pss(['missing.yaml'], dir)).code).toBe(2);
  });

  it.each([[['--level', 'privileged']], [['--version', 'v2.0']], [['--format', 'sarif']], [['--frobnicate']]])(
    'exits 2 on a usage error: %j',
    async (args) => {
      const run = await pss([...args, 'apps'], dir);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('Usage: greenbelt pss');
      expect(run.stdout).toBe('');
    },
  );

  it('prints its usage with --help', async () => {
    const run = await pss(['--help'], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('--level LEVEL');
  });
});
