import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Io } from '../src/cli/io.js';
import { runCli } from '../src/cli/run.js';

const dir = mkdtempSync(join(tmpdir(), 'greenbelt-rbac-'));
writeFileSync(
  join(dir, 'rbac.yaml'),
  `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: { name: maker, namespace: team }
rules:
  - apiGroups: [""]
    resources: [pods]
    verbs: [create]
  - apiGroups: [apps]
    resources: [deployments]
    resourceNames: [web]
    verbs: [patch]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: { name: maker, namespace: team }
roleRef: { apiGroup: rbac.authorization.k8s.io, kind: Role, name: maker }
subjects:
  - { kind: ServiceAccount, name: ci }
  - { kind: Group, name: devs }
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: { name: boss }
roleRef: { apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin }
subjects: [{ kind: ServiceAccount, name: boss, namespace: team }]
`,
);

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = {
    stdout: { write: (t: string) => (out += t) },
    stderr: { write: (t: string) => (err += t) },
    stdin: (async function* () {})(),
    env: {},
    cwd: dir,
  };
  const code = await runCli(argv, io);
  return { code, out, err };
}

describe('greenbelt rbac', () => {
  it('who-can prints the JSON contract', async () => {
    const { code, out } = await run('rbac', 'who-can', 'create', 'pods', '-n', 'team', '--format', 'json', '.');
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual([
      { kind: 'Group', name: 'devs', via: [{ binding: 'RoleBinding/team/maker', role: 'Role/maker' }] },
      {
        kind: 'ServiceAccount',
        name: 'boss',
        namespace: 'team',
        via: [{ binding: 'ClusterRoleBinding/boss', role: 'ClusterRole/cluster-admin' }],
      },
      { kind: 'ServiceAccount', name: 'ci', namespace: 'team', via: [{ binding: 'RoleBinding/team/maker', role: 'Role/maker' }] },
    ]);
  });

  it('who-can reads kubectl targets: resource.group/name', async () => {
    const named = await run('rbac', 'who-can', 'patch', 'deployments.apps/web', '-n', 'team', '-f', 'json');
    expect(JSON.parse(named.out).map((e: { name: string }) => e.name)).toEqual(['devs', 'boss', 'ci']);
    const other = await run('rbac', 'who-can', 'patch', 'deploy/api', '-n', 'team', '-f', 'json');
    expect(JSON.parse(other.out).map((e: { name: string }) => e.name)).toEqual(['boss']);
  });

  it('can-i exits 0 for yes and 1 for no', async () => {
    const yes = await run('rbac', 'can-i', 'create', 'pods', '-n', 'team', '--as', 'system:serviceaccount:team:ci');
    expect(yes.code).toBe(0);
    expect(yes.out).toMatch(/^yes\n/);
    const no = await run('rbac', 'can-i', 'create', 'pods', '-n', 'other', '--as', 'system:serviceaccount:team:ci');
    expect(no.code).toBe(1);
    expect(no.out).toMatch(/^no\n/);
    const group = await run('rbac', 'can-i', 'create', 'pods', '-n', 'team', '--as', 'ann', '--as-group', 'devs', '-f', 'json');
    expect(JSON.parse(group.out)).toMatchObject({ allowed: true, user: 'ann', groups: ['devs', 'system:authenticated'] });
  });

  it('permissions and paths', async () => {
    const perms = await run('rbac', 'permissions', 'sa:team/ci', '-f', 'json');
    expect(JSON.parse(perms.out).namespaces.team).toHaveLength(2);
    const paths = await run('rbac', 'paths', '--from', 'group:devs', '-f', 'json');
    const parsed = JSON.parse(paths.out);
    expect(parsed.paths.map((p: { goal: string; steps: unknown[] }) => `${p.goal}:${p.steps.length}`)).toEqual([
      'cluster-admin:4',
      'all-secrets:4',
      'node-root:2',
    ]);
    expect(parsed.assumptions.length).toBeGreaterThan(0);
    const text = await run('rbac', 'paths');
    expect(text.out).toMatch(/Group devs\n {2}→ cluster-admin equivalence \(4 steps\)/);
  });

  it('usage errors exit 2', async () => {
    expect((await run('rbac', 'can-i', 'get', 'pods')).code).toBe(2);
    expect((await run('rbac', 'who-can', 'get')).code).toBe(2);
    expect((await run('rbac', 'permissions', 'sa:bad')).code).toBe(2);
    expect((await run('rbac', 'nope')).code).toBe(2);
  });
});
