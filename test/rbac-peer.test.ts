/**
 * Cross-checks greenbelt's RBAC model against the real Kubernetes RBAC authorizer
 * (k8s.io/kubernetes/plugin/pkg/auth/authorizer/rbac, built from test/peers/rbac) on random
 * roles, bindings and requests: every can-i decision, and every who-can answer (a user is allowed
 * exactly when one of the listed subjects is that user or one of its groups). Skips, saying so,
 * when Go or the Kubernetes modules are not available.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { impersonatedUser, type UserInfo } from '../src/analyzers/rbac/identity.js';
import { RbacModel } from '../src/analyzers/rbac/model.js';
import type { Request } from '../src/analyzers/rbac/policy.js';
import { whoCan } from '../src/analyzers/rbac/queries.js';
import { K8sObject } from '../src/model/k8s.js';

const peerDir = join(import.meta.dirname, 'peers', 'rbac');
let peer: string | undefined;
let skipReason = '';

beforeAll(() => {
  const out = join(mkdtempSync(join(tmpdir(), 'greenbelt-rbacpeer-')), 'rbacpeer');
  try {
    execFileSync('go', ['build', '-o', out, '.'], { cwd: peerDir, stdio: 'pipe', timeout: 540_000 });
    peer = out;
  } catch (error) {
    skipReason = `the RBAC authorizer peer could not be built (${error instanceof Error ? error.message.split('\n')[0] : 'unknown'})`;
    console.warn(`skipping the RBAC peer cross-check: ${skipReason}`);
  }
}, 600_000);

// mulberry32: the same cases every run.
function random(seed: number) {
  let s = seed;
  return (n: number) => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) % n;
  };
}

const VERBS = ['get', 'list', 'create', 'delete', '*', 'impersonate'];
const GROUPS = ['', 'apps', '*', 'example.com'];
const RESOURCES = ['pods', 'secrets', 'deployments', '*', 'pods/exec', '*/scale', 'deployments/scale', 'pods/*', 'widgets'];
const NAMES = ['a', 'b'];
const URLS = ['/metrics', '/healthz/*', '/api*', '*', '/healthz'];
const NAMESPACES = ['n1', 'n2'];
const USERS = ['alice', 'bob', 'system:serviceaccount:n1:sa1', 'system:serviceaccount:n2:sa1', 'system:anonymous'];
const SUBJECT_GROUPS = [
  'devs',
  'system:authenticated',
  'system:unauthenticated',
  'system:serviceaccounts',
  'system:serviceaccounts:n1',
];

interface Case {
  objects: K8sObject[];
  input: Record<string, unknown[]>;
  requests: { user: UserInfo; request: Request }[];
}

function makeCase(seed: number): Case {
  const r = random(seed);
  const some = <T>(list: readonly T[], max = 2): T[] => {
    const out = new Set<T>();
    const count = 1 + r(max);
    for (let i = 0; i < count; i++) out.add(list[r(list.length)] as T);
    return [...out];
  };
  const rule = (cluster: boolean) => {
    if (cluster && r(5) === 0) return { verbs: some(['get', 'post', '*']), nonResourceURLs: some(URLS) };
    return {
      verbs: some(VERBS),
      apiGroups: some(GROUPS),
      resources: some(RESOURCES),
      ...(r(4) === 0 ? { resourceNames: some(NAMES) } : {}),
    };
  };
  const input: Record<string, unknown[]> = { roles: [], clusterRoles: [], roleBindings: [], clusterRoleBindings: [] };
  const objects: K8sObject[] = [];
  const add = (key: string, value: Record<string, unknown>) => {
    input[key]?.push(value);
    objects.push(new K8sObject({ apiVersion: 'rbac.authorization.k8s.io/v1', ...value }));
  };
  for (let i = 0; i < 3; i++)
    add('clusterRoles', { kind: 'ClusterRole', metadata: { name: `c${i}` }, rules: [rule(true), rule(true)] });
  for (const ns of NAMESPACES) add('roles', { kind: 'Role', metadata: { name: 'r0', namespace: ns }, rules: [rule(false)] });
  const subject = (cluster: boolean) => {
    switch (r(4)) {
      case 0:
        return { kind: 'User', apiGroup: 'rbac.authorization.k8s.io', name: USERS[r(USERS.length)] };
      case 1:
        return { kind: 'Group', apiGroup: 'rbac.authorization.k8s.io', name: SUBJECT_GROUPS[r(SUBJECT_GROUPS.length)] };
      default: {
        const namespace = cluster || r(2) === 0 ? { namespace: NAMESPACES[r(2)] } : {};
        return { kind: 'ServiceAccount', name: r(3) === 0 ? 'default' : 'sa1', ...namespace };
      }
    }
  };
  for (let i = 0; i < 3; i++) {
    add('clusterRoleBindings', {
      kind: 'ClusterRoleBinding',
      metadata: { name: `cb${i}` },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: `c${r(4)}` },
      subjects: [subject(true), subject(true)],
    });
  }
  for (let i = 0; i < 4; i++) {
    const toRole = r(2) === 0;
    add('roleBindings', {
      kind: 'RoleBinding',
      metadata: { name: `rb${i}`, namespace: NAMESPACES[r(2)] },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: toRole ? 'Role' : 'ClusterRole', name: toRole ? 'r0' : `c${r(4)}` },
      subjects: [subject(false), subject(false)],
    });
  }
  const requests: Case['requests'] = [];
  for (let i = 0; i < 40; i++) {
    const name = USERS[r(USERS.length)] as string;
    const user = impersonatedUser(name, r(3) === 0 ? some(['devs', 'ops']) : []);
    if (r(6) === 0) {
      requests.push({
        user,
        request: {
          kind: 'nonresource',
          verb: ['get', 'post'][r(2)] as string,
          path: ['/metrics', '/healthz/x', '/healthz', '/apis/apps', '/x'][r(5)] as string,
        },
      });
      continue;
    }
    const [resource, subresource] = (
      ['pods', 'pods/exec', 'secrets', 'deployments', 'deployments/scale', 'widgets', 'nodes'][r(7)] as string
    ).split('/');
    requests.push({
      user,
      request: {
        kind: 'resource',
        verb: ['get', 'list', 'create', 'delete', 'impersonate', '*'][r(6)] as string,
        group: ['', 'apps', 'example.com'][r(3)] as string,
        resource: resource as string,
        subresource: subresource ?? '',
        name: ['', 'a', 'c'][r(3)] as string,
        namespace: ['', 'n1', 'n2', 'n3'][r(4)] as string,
      },
    });
  }
  return { objects, input, requests };
}

function askPeer(c: Case): boolean[] {
  const requests = c.requests.map(({ user, request }) =>
    request.kind === 'nonresource'
      ? { user: user.name, groups: user.groups, verb: request.verb, nonResource: true, path: request.path }
      : {
          user: user.name,
          groups: user.groups,
          verb: request.verb,
          group: request.group,
          resource: request.resource,
          subresource: request.subresource,
          name: request.name,
          namespace: request.namespace,
        },
  );
  const result = spawnSync(peer as string, [], { input: JSON.stringify({ ...c.input, requests }), encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`peer failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as boolean[];
}

describe('RBAC model agrees with the Kubernetes RBAC authorizer', () => {
  const CASES = 150;

  it(`can-i and who-can on ${CASES} random policies`, (context) => {
    if (!peer) {
      context.skip(skipReason);
      return;
    }
    let decisions = 0;
    let allowed = 0;
    for (let seed = 1; seed <= CASES; seed++) {
      const c = makeCase(seed);
      const model = new RbacModel(c.objects);
      const expected = askPeer(c);
      c.requests.forEach(({ user, request }, i) => {
        const ours = model.authorize(user, request).allowed;
        expect(ours, `case ${seed} request ${i}: ${JSON.stringify({ user, request })}`).toBe(expected[i]);
        const listed = whoCan(model, request).some((e) =>
          e.kind === 'Group'
            ? user.groups.includes(e.name)
            : e.kind === 'User'
              ? e.name === user.name
              : user.name === `system:serviceaccount:${e.namespace}:${e.name}`,
        );
        expect(listed, `who-can, case ${seed} request ${i}`).toBe(expected[i]);
        decisions++;
        if (expected[i]) allowed++;
      });
    }
    // The random policies must exercise both answers.
    expect(allowed).toBeGreaterThan(decisions / 20);
    expect(allowed).toBeLessThan(decisions);
    console.log(`RBAC peer: ${decisions} decisions agree (${allowed} allowed)`);
  });
});
