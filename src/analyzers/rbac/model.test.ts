import { describe, expect, it } from 'vitest';
import { K8sObject } from '../../model/k8s.js';
import { impersonatedUser, parseSubject, userOfSubject } from './identity.js';
import { RbacModel } from './model.js';
import { type PolicyRule, type Request, resourceRequest, ruleAllows } from './policy.js';
import { canI, permissionsOf, whoCan } from './queries.js';
import { parseTarget } from './target.js';

const RBAC = 'rbac.authorization.k8s.io/v1';

const rule = (r: Partial<PolicyRule>): PolicyRule => ({
  verbs: [],
  apiGroups: [],
  resources: [],
  resourceNames: [],
  nonResourceURLs: [],
  ...r,
});

const role = (name: string, namespace: string | undefined, rules: unknown[], extra: Record<string, unknown> = {}) =>
  new K8sObject({
    apiVersion: RBAC,
    kind: namespace === undefined ? 'ClusterRole' : 'Role',
    metadata: { name, ...(namespace !== undefined ? { namespace } : {}), ...((extra.metadata as object) ?? {}) },
    rules,
    ...Object.fromEntries(Object.entries(extra).filter(([k]) => k !== 'metadata')),
  });

const binding = (name: string, namespace: string | undefined, roleRef: { kind: string; name: string }, subjects: unknown[]) =>
  new K8sObject({
    apiVersion: RBAC,
    kind: namespace === undefined ? 'ClusterRoleBinding' : 'RoleBinding',
    metadata: { name, ...(namespace !== undefined ? { namespace } : {}) },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', ...roleRef },
    subjects,
  });

const sa = (name: string, namespace?: string) => ({ kind: 'ServiceAccount', name, ...(namespace ? { namespace } : {}) });
const user = (name: string) => ({ kind: 'User', name, apiGroup: 'rbac.authorization.k8s.io' });
const group = (name: string) => ({ kind: 'Group', name, apiGroup: 'rbac.authorization.k8s.io' });

const req = (verb: string, resource: string, o: { group?: string; sub?: string; name?: string; ns?: string } = {}): Request =>
  resourceRequest(verb, o.group ?? '', resource, {
    ...(o.sub !== undefined ? { subresource: o.sub } : {}),
    ...(o.name !== undefined ? { name: o.name } : {}),
    ...(o.ns !== undefined ? { namespace: o.ns } : {}),
  });

describe('rule matching (RuleAllows)', () => {
  it.each([
    ['* verb matches any verb', rule({ verbs: ['*'], apiGroups: [''], resources: ['pods'] }), req('delete', 'pods'), true],
    ['verbs are case-sensitive', rule({ verbs: ['GET'], apiGroups: [''], resources: ['pods'] }), req('get', 'pods'), false],
    [
      'core group is ""',
      rule({ verbs: ['get'], apiGroups: [''], resources: ['deployments'] }),
      req('get', 'deployments', { group: 'apps' }),
      false,
    ],
    [
      '* group matches apps',
      rule({ verbs: ['get'], apiGroups: ['*'], resources: ['deployments'] }),
      req('get', 'deployments', { group: 'apps' }),
      true,
    ],
    [
      '* resource matches a subresource',
      rule({ verbs: ['create'], apiGroups: [''], resources: ['*'] }),
      req('create', 'pods', { sub: 'exec' }),
      true,
    ],
    [
      'pods does not match pods/exec',
      rule({ verbs: ['create'], apiGroups: [''], resources: ['pods'] }),
      req('create', 'pods', { sub: 'exec' }),
      false,
    ],
    [
      'pods/* is not a wildcard',
      rule({ verbs: ['create'], apiGroups: [''], resources: ['pods/*'] }),
      req('create', 'pods', { sub: 'exec' }),
      false,
    ],
    [
      '*/scale matches deployments/scale',
      rule({ verbs: ['get'], apiGroups: ['*'], resources: ['*/scale'] }),
      req('get', 'deployments', { group: 'apps', sub: 'scale' }),
      true,
    ],
    [
      '*/scale does not match deployments',
      rule({ verbs: ['get'], apiGroups: ['*'], resources: ['*/scale'] }),
      req('get', 'deployments', { group: 'apps' }),
      false,
    ],
    [
      '*/scale does not match */status',
      rule({ verbs: ['get'], apiGroups: ['*'], resources: ['*/scale'] }),
      req('get', 'deployments', { group: 'apps', sub: 'status' }),
      false,
    ],
    [
      'resourceNames allow the named object',
      rule({ verbs: ['get'], apiGroups: [''], resources: ['secrets'], resourceNames: ['db'] }),
      req('get', 'secrets', { name: 'db' }),
      true,
    ],
    [
      'resourceNames deny other names',
      rule({ verbs: ['get'], apiGroups: [''], resources: ['secrets'], resourceNames: ['db'] }),
      req('get', 'secrets', { name: 'tls' }),
      false,
    ],
    [
      'resourceNames deny requests without a name (list)',
      rule({ verbs: ['list'], apiGroups: [''], resources: ['secrets'], resourceNames: ['db'] }),
      req('list', 'secrets'),
      false,
    ],
    [
      'a resource rule never allows a URL',
      rule({ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }),
      { kind: 'nonresource', verb: 'get', path: '/metrics' } as Request,
      false,
    ],
    ['a URL rule never allows a resource', rule({ verbs: ['*'], nonResourceURLs: ['*'] }), req('get', 'pods'), false],
    [
      'URL * matches any path',
      rule({ verbs: ['get'], nonResourceURLs: ['*'] }),
      { kind: 'nonresource', verb: 'get', path: '/logs/x' } as Request,
      true,
    ],
    [
      'URL prefix with trailing *',
      rule({ verbs: ['get'], nonResourceURLs: ['/healthz/*'] }),
      { kind: 'nonresource', verb: 'get', path: '/healthz/etcd' } as Request,
      true,
    ],
    [
      'trailing * needs the slash before it',
      rule({ verbs: ['get'], nonResourceURLs: ['/healthz/*'] }),
      { kind: 'nonresource', verb: 'get', path: '/healthz' } as Request,
      false,
    ],
    [
      '/api* matches /apis',
      rule({ verbs: ['get'], nonResourceURLs: ['/api*'] }),
      { kind: 'nonresource', verb: 'get', path: '/apis/apps' } as Request,
      true,
    ],
    [
      'URL exact match only without *',
      rule({ verbs: ['get'], nonResourceURLs: ['/metrics'] }),
      { kind: 'nonresource', verb: 'get', path: '/metrics/slis' } as Request,
      false,
    ],
    [
      'asking for verb * needs a * rule',
      rule({ verbs: ['get', 'list'], apiGroups: [''], resources: ['pods'] }),
      req('*', 'pods'),
      false,
    ],
  ])('%s', (_name, r, request, expected) => {
    expect(ruleAllows(r, request)).toBe(expected);
  });
});

describe('bindings and subjects', () => {
  const model = new RbacModel([
    role('pods', 'a', [{ apiGroups: [''], resources: ['pods'], verbs: ['get'] }]),
    role('reader', undefined, [{ apiGroups: [''], resources: ['configmaps'], verbs: ['get'] }]),
    binding('local', 'a', { kind: 'Role', name: 'pods' }, [sa('app')]),
    binding('scoped', 'a', { kind: 'ClusterRole', name: 'reader' }, [user('alice')]),
    binding('everywhere', undefined, { kind: 'ClusterRole', name: 'reader' }, [group('ops')]),
    binding('no-sa-namespace', undefined, { kind: 'ClusterRole', name: 'reader' }, [sa('nons')]),
    binding('sa-user', 'a', { kind: 'ClusterRole', name: 'reader' }, [user('system:serviceaccount:b:bot')]),
    binding('all-sas', 'c', { kind: 'ClusterRole', name: 'reader' }, [group('system:serviceaccounts:b')]),
    binding('other-ns-role', 'b', { kind: 'Role', name: 'pods' }, [user('bob')]),
  ]);
  const as = (name: string, groups: string[] = []) => impersonatedUser(name, groups);

  it('a RoleBinding to a ClusterRole grants only in its namespace', () => {
    expect(model.authorize(as('alice'), req('get', 'configmaps', { ns: 'a' })).allowed).toBe(true);
    expect(model.authorize(as('alice'), req('get', 'configmaps', { ns: 'b' })).allowed).toBe(false);
    expect(model.authorize(as('alice'), req('get', 'configmaps')).allowed).toBe(false);
  });

  it('a ClusterRoleBinding grants in every namespace and cluster-wide', () => {
    const ops = as('carol', ['ops']);
    expect(model.authorize(ops, req('get', 'configmaps', { ns: 'z' })).allowed).toBe(true);
    expect(model.authorize(ops, req('get', 'configmaps')).allowed).toBe(true);
  });

  it('a ServiceAccount subject without namespace takes the RoleBinding namespace', () => {
    expect(model.authorize(as('system:serviceaccount:a:app'), req('get', 'pods', { ns: 'a' })).allowed).toBe(true);
    expect(model.authorize(as('system:serviceaccount:b:app'), req('get', 'pods', { ns: 'a' })).allowed).toBe(false);
  });

  it('a ServiceAccount subject without namespace in a ClusterRoleBinding matches no one and is invalid', () => {
    expect(model.authorize(as('system:serviceaccount:default:nons'), req('get', 'configmaps')).allowed).toBe(false);
    const invalid = model.bindings.find((b) => b.name === 'no-sa-namespace');
    expect(invalid?.valid).toBe(false);
    expect(invalid?.problems.map((p) => p.message).join()).toMatch(/no namespace/);
  });

  it('a User subject in the service-account form matches that service account', () => {
    expect(model.authorize(as('system:serviceaccount:b:bot'), req('get', 'configmaps', { ns: 'a' })).allowed).toBe(true);
  });

  it('service-account groups come with the service-account user', () => {
    expect(model.authorize(as('system:serviceaccount:b:x'), req('get', 'configmaps', { ns: 'c' })).allowed).toBe(true);
    // --as-group replaces them, as the impersonation filter does
    expect(model.authorize(as('system:serviceaccount:b:x', ['devs']), req('get', 'configmaps', { ns: 'c' })).allowed).toBe(false);
  });

  it('a RoleBinding finds Roles only in its own namespace', () => {
    expect(model.bindings.find((b) => b.name === 'other-ns-role')?.role).toBeUndefined();
    expect(model.authorize(as('bob'), req('get', 'pods', { ns: 'b' })).allowed).toBe(false);
  });

  it('reports the first allowing binding, rule and role', () => {
    const decision = model.authorize(as('alice'), req('get', 'configmaps', { ns: 'a' }));
    expect(decision.via?.binding.id).toBe('RoleBinding/a/scoped');
    expect(decision.via?.role.id).toBe('ClusterRole/reader');
  });
});

describe('identity', () => {
  it('adds system:authenticated, or system:unauthenticated for anonymous, as impersonation does', () => {
    expect(impersonatedUser('alice').groups).toEqual(['system:authenticated']);
    expect(impersonatedUser('alice', ['devs']).groups).toEqual(['devs', 'system:authenticated']);
    expect(impersonatedUser('alice', ['system:unauthenticated']).groups).toEqual(['system:unauthenticated']);
    expect(impersonatedUser('system:anonymous').groups).toEqual(['system:unauthenticated']);
    expect(impersonatedUser('system:serviceaccount:ns:app').groups).toEqual([
      'system:serviceaccounts',
      'system:serviceaccounts:ns',
      'system:authenticated',
    ]);
  });

  it('parses subjects', () => {
    expect(parseSubject('sa:ns/app')).toEqual({ kind: 'ServiceAccount', namespace: 'ns', name: 'app' });
    expect(parseSubject('serviceaccount:ns:app')).toEqual({ kind: 'ServiceAccount', namespace: 'ns', name: 'app' });
    expect(parseSubject('system:serviceaccount:ns:app')).toEqual({ kind: 'ServiceAccount', namespace: 'ns', name: 'app' });
    expect(parseSubject('group:system:masters')).toEqual({ kind: 'Group', name: 'system:masters' });
    expect(parseSubject('alice')).toEqual({ kind: 'User', name: 'alice' });
    expect(parseSubject('sa:broken')).toBeUndefined();
    expect(userOfSubject({ kind: 'Group', name: 'devs' })).toEqual({ name: '', groups: ['devs', 'system:authenticated'] });
  });

  it('grants to system:authenticated reach every user and service account but not anonymous', () => {
    const model = new RbacModel([
      role('r', undefined, [{ apiGroups: [''], resources: ['namespaces'], verbs: ['list'] }]),
      binding('b', undefined, { kind: 'ClusterRole', name: 'r' }, [group('system:authenticated')]),
    ]);
    expect(model.authorize(impersonatedUser('x'), req('list', 'namespaces')).allowed).toBe(true);
    expect(model.authorize(impersonatedUser('system:serviceaccount:a:b'), req('list', 'namespaces')).allowed).toBe(true);
    expect(model.authorize(impersonatedUser('system:anonymous'), req('list', 'namespaces')).allowed).toBe(false);
  });

  it('system:masters is allowed everything before RBAC', () => {
    const model = new RbacModel([]);
    const decision = model.authorize(impersonatedUser('root', ['system:masters']), req('delete', 'nodes'));
    expect(decision).toEqual({ allowed: true, privileged: true });
  });
});

describe('aggregation', () => {
  const labelled = (name: string, labels: Record<string, string>, resource: string) =>
    role(name, undefined, [{ apiGroups: [''], resources: [resource], verbs: ['get'] }], { metadata: { labels } });

  it('collects rules by matchLabels and matchExpressions, transitively, ignoring written rules', () => {
    const model = new RbacModel([
      role('top', undefined, [{ apiGroups: [''], resources: ['nodes'], verbs: ['*'] }], {
        aggregationRule: { clusterRoleSelectors: [{ matchLabels: { 'agg/top': 'true' } }] },
      }),
      role('middle', undefined, [], {
        metadata: { labels: { 'agg/top': 'true' } },
        aggregationRule: {
          clusterRoleSelectors: [{ matchExpressions: [{ key: 'tier', operator: 'In', values: ['a', 'b'] }] }],
        },
      }),
      labelled('leaf-a', { tier: 'a' }, 'pods'),
      labelled('leaf-c', { tier: 'c' }, 'secrets'),
      labelled('dup', { tier: 'b' }, 'pods'),
    ]);
    const top = model.clusterRole('top');
    expect(top?.rules.map((r) => r.resources[0])).toEqual(['pods']);
    expect(model.roleAllows(top as never, req('get', 'pods'))).toBe(true);
    expect(model.roleAllows(top as never, req('delete', 'nodes'))).toBe(false);
    expect(model.roleAllows(top as never, req('get', 'secrets'))).toBe(false);
  });

  it.each([
    [
      'NotIn matches a missing label',
      { matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['x'] }] },
      ['plain', 'tier-y'],
    ],
    ['Exists', { matchExpressions: [{ key: 'tier', operator: 'Exists' }] }, ['tier-x', 'tier-y']],
    ['DoesNotExist', { matchExpressions: [{ key: 'tier', operator: 'DoesNotExist' }] }, ['plain']],
    ['an empty selector matches every other ClusterRole', {}, ['plain', 'tier-x', 'tier-y']],
  ])('%s', (_name, selector, expected) => {
    const model = new RbacModel([
      role('agg', undefined, [], { aggregationRule: { clusterRoleSelectors: [selector] } }),
      labelled('plain', {}, 'plain'),
      labelled('tier-x', { tier: 'x' }, 'tier-x'),
      labelled('tier-y', { tier: 'y' }, 'tier-y'),
    ]);
    const resources = (model.clusterRole('agg')?.rules ?? []).map((r) => r.resources[0]);
    // default roles carry no tier label and no rules with these resource names
    expect(resources.filter((r) => ['plain', 'tier-x', 'tier-y'].includes(r ?? ''))).toEqual(expected);
  });

  it('aggregates into the default admin, edit and view roles', () => {
    const model = new RbacModel([
      labelled('crd-view', { 'rbac.authorization.k8s.io/aggregate-to-view': 'true' }, 'widgets'),
      binding('b', 'ns', { kind: 'ClusterRole', name: 'admin' }, [user('ann')]),
    ]);
    expect(model.authorize(impersonatedUser('ann'), req('get', 'widgets', { ns: 'ns' })).allowed).toBe(true);
    expect(model.authorize(impersonatedUser('ann'), req('create', 'pods', { ns: 'ns', sub: 'exec' })).allowed).toBe(true);
    expect(
      model.authorize(impersonatedUser('ann'), req('create', 'rolebindings', { group: 'rbac.authorization.k8s.io', ns: 'ns' }))
        .allowed,
    ).toBe(true);
  });

  it('an invalid selector is reported', () => {
    const model = new RbacModel([
      role('bad', undefined, [], {
        aggregationRule: { clusterRoleSelectors: [{ matchExpressions: [{ key: 'k', operator: 'In' }] }] },
      }),
    ]);
    expect(model.roles[0]?.problems[0]?.message).toMatch(/needs at least one value/);
    expect(model.roles[0]?.valid).toBe(false);
  });
});

describe('validation and missing roles', () => {
  it('bindings to missing or invalid roles grant nothing', () => {
    const model = new RbacModel([
      role('no-groups', 'a', [{ resources: ['pods'], verbs: ['get'] }]),
      binding('to-invalid', 'a', { kind: 'Role', name: 'no-groups' }, [user('u')]),
      binding('to-missing', 'a', { kind: 'Role', name: 'ghost' }, [user('u')]),
      binding('crb-to-role', undefined, { kind: 'Role', name: 'no-groups' }, [user('u')]),
    ]);
    expect(model.roles[0]?.problems[0]?.message).toMatch(/apiGroup/);
    expect(model.bindings.map((b) => b.role)).toEqual([undefined, undefined, undefined]);
    expect(model.bindings.find((b) => b.name === 'crb-to-role')?.problems[0]?.message).toMatch(/only a ClusterRole/);
    expect(model.authorize(impersonatedUser('u'), req('get', 'pods', { ns: 'a' })).allowed).toBe(false);
  });

  it('rejects nonResourceURLs in a Role and unknown subject kinds', () => {
    const model = new RbacModel([
      role('urls', 'a', [{ nonResourceURLs: ['/metrics'], verbs: ['get'] }]),
      binding('b', 'a', { kind: 'ClusterRole', name: 'view' }, [{ kind: 'user', name: 'x' }]),
    ]);
    expect(model.roles[0]?.problems[0]?.message).toMatch(/only a ClusterRole/);
    expect(model.bindings[0]?.problems[0]?.message).toMatch(/case-sensitive/);
  });

  it('resolves default ClusterRoles without --with-defaults but counts default bindings only with it', () => {
    const objects = [binding('e', 'ns', { kind: 'ClusterRole', name: 'edit' }, [user('ed')])];
    const plain = new RbacModel(objects);
    expect(plain.authorize(impersonatedUser('ed'), req('list', 'secrets', { ns: 'ns' })).allowed).toBe(true);
    expect(whoCan(plain, req('delete', 'nodes')).map((e) => e.name)).toEqual([]);
    const withDefaults = new RbacModel(objects, { withDefaults: true });
    expect(whoCan(withDefaults, req('delete', 'nodes'))).toContainEqual({
      kind: 'Group',
      name: 'system:masters',
      via: [{ binding: 'ClusterRoleBinding/cluster-admin', role: 'ClusterRole/cluster-admin' }],
    });
  });
});

describe('queries', () => {
  const model = new RbacModel([
    role('exec', 'a', [{ apiGroups: [''], resources: ['pods/exec'], verbs: ['create'] }]),
    role('exec', 'b', [{ apiGroups: [''], resources: ['pods/exec'], verbs: ['create'] }]),
    role('urls', undefined, [{ nonResourceURLs: ['/metrics'], verbs: ['get'] }]),
    binding('x', 'a', { kind: 'Role', name: 'exec' }, [sa('app'), user('ann')]),
    binding('y', 'b', { kind: 'Role', name: 'exec' }, [user('ann')]),
    binding('m', undefined, { kind: 'ClusterRole', name: 'urls' }, [group('mon')]),
  ]);

  it('who-can lists subjects with the bindings and roles that allow, in the JSON contract', () => {
    expect(whoCan(model, req('create', 'pods', { sub: 'exec', ns: 'a' }))).toEqual([
      { kind: 'User', name: 'ann', via: [{ binding: 'RoleBinding/a/x', role: 'Role/exec' }] },
      { kind: 'ServiceAccount', name: 'app', namespace: 'a', via: [{ binding: 'RoleBinding/a/x', role: 'Role/exec' }] },
    ]);
    expect(whoCan(model, req('create', 'pods', { sub: 'exec' }))).toEqual([]);
    expect(whoCan(model, req('create', 'pods', { sub: 'exec' }), { allNamespaces: true })[0]?.via).toEqual([
      { binding: 'RoleBinding/a/x', role: 'Role/exec' },
      { binding: 'RoleBinding/b/y', role: 'Role/exec' },
    ]);
    expect(whoCan(model, { kind: 'nonresource', verb: 'get', path: '/metrics' })).toEqual([
      { kind: 'Group', name: 'mon', via: [{ binding: 'ClusterRoleBinding/m', role: 'ClusterRole/urls' }] },
    ]);
  });

  it('can-i answers for an impersonated user', () => {
    expect(canI(model, 'system:serviceaccount:a:app', [], req('create', 'pods', { sub: 'exec', ns: 'a' })).allowed).toBe(true);
    expect(canI(model, 'ann', [], req('create', 'pods', { sub: 'exec', ns: 'c' })).allowed).toBe(false);
    expect(canI(model, 'x', ['mon'], { kind: 'nonresource', verb: 'get', path: '/metrics' }).via?.binding).toBe(
      'ClusterRoleBinding/m',
    );
  });

  it('permissions lists rules per namespace', () => {
    const table = permissionsOf(model, { kind: 'User', name: 'ann' });
    expect(table.cluster).toEqual([]);
    expect(Object.keys(table.namespaces)).toEqual(['a', 'b']);
    expect(table.namespaces.a?.[0]?.resources).toEqual(['pods/exec']);
  });
});

describe('targets', () => {
  it.each([
    ['get', 'pods', { group: '', resource: 'pods', name: '' }],
    ['get', 'po', { group: '', resource: 'pods', name: '' }],
    ['create', 'deploy', { group: 'apps', resource: 'deployments', name: '' }],
    ['get', 'deployments.apps/web', { group: 'apps', resource: 'deployments', name: 'web' }],
    ['get', 'deployments.v1.apps', { group: 'apps', resource: 'deployments', name: '' }],
    ['get', 'secrets/db', { group: '', resource: 'secrets', name: 'db' }],
    ['list', 'widgets.example.com', { group: 'example.com', resource: 'widgets', name: '' }],
  ])('%s %s', (verb, target, expected) => {
    const parsed = parseTarget(verb, target, { namespace: 'ns' });
    expect('request' in parsed && parsed.request).toMatchObject(expected);
  });

  it('reads non-resource URLs and drops -n for cluster-scoped resources', () => {
    expect(parseTarget('get', '/metrics')).toEqual({ request: { kind: 'nonresource', verb: 'get', path: '/metrics' } });
    const nodes = parseTarget('get', 'nodes', { namespace: 'x' });
    expect('request' in nodes && nodes.request).toMatchObject({ resource: 'nodes', namespace: '' });
    const unknown = parseTarget('get', 'gizmos', { namespace: 'x' });
    expect('warning' in unknown && unknown.warning).toMatch(/not a built-in/);
    expect(parseTarget('get', 'pods/a/b')).toHaveProperty('error');
  });
});
