import { describe, expect, it } from 'vitest';
import { K8sObject } from '../../model/k8s.js';
import { ObjectSet } from '../../model/object-set.js';
import type { SubjectRef } from './identity.js';
import { RbacModel } from './model.js';
import { EscalationGraph, type Goal } from './paths.js';

const RBAC = 'rbac.authorization.k8s.io/v1';
const obj = (value: Record<string, unknown>) => new K8sObject(value);

const clusterRole = (name: string, rules: unknown[]) => obj({ apiVersion: RBAC, kind: 'ClusterRole', metadata: { name }, rules });
const nsRole = (name: string, namespace: string, rules: unknown[]) =>
  obj({ apiVersion: RBAC, kind: 'Role', metadata: { name, namespace }, rules });
const crb = (name: string, roleName: string, subjects: unknown[]) =>
  obj({
    apiVersion: RBAC,
    kind: 'ClusterRoleBinding',
    metadata: { name },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: roleName },
    subjects,
  });
const rb = (name: string, namespace: string, kind: string, roleName: string, subjects: unknown[]) =>
  obj({
    apiVersion: RBAC,
    kind: 'RoleBinding',
    metadata: { name, namespace },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind, name: roleName },
    subjects,
  });
const sa = (name: string, namespace: string) => ({ kind: 'ServiceAccount', name, namespace });
const user = (name: string) => ({ kind: 'User', name });
const r = (verbs: string[], resources: string[], apiGroups = [''], resourceNames?: string[]) => ({
  apiGroups,
  resources,
  verbs,
  ...(resourceNames ? { resourceNames } : {}),
});

const admin = [clusterRole('root', [r(['*'], ['*'], ['*'])]), crb('root', 'root', [sa('boss', 'team')])];

function goals(objects: K8sObject[], from: SubjectRef, withDefaults = false): Record<string, number> {
  const set = new ObjectSet(objects);
  const graph = new EscalationGraph(set, new RbacModel(set, { withDefaults }), [from]);
  const out: Record<string, number> = {};
  for (const path of graph.pathsFrom(from)) out[path.goal] = path.steps.length;
  return out;
}

const alice: SubjectRef = { kind: 'User', name: 'alice' };

describe('escalation paths', () => {
  it('creating pods lends every service account of the namespace and, without Pod Security, the node', () => {
    const objects = [
      ...admin,
      nsRole('maker', 'team', [r(['create'], ['pods'])]),
      rb('maker', 'team', 'Role', 'maker', [user('alice')]),
    ];
    expect(goals(objects, alice)).toEqual({ 'cluster-admin': 4, 'all-secrets': 4, 'node-root': 2 });
  });

  it('a Pod Security enforce label of baseline stops the privileged-pod step', () => {
    const objects = [
      obj({
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name: 'team', labels: { 'pod-security.kubernetes.io/enforce': 'baseline' } },
      }),
      nsRole('maker', 'team', [r(['create'], ['deployments'], ['apps'])]),
      rb('maker', 'team', 'Role', 'maker', [user('alice')]),
    ];
    expect(goals(objects, alice)).toEqual({});
  });

  it('token requests limited by resourceNames reach only those service accounts', () => {
    const base = [...admin, obj({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'other', namespace: 'team' } })];
    const named = (name: string) => [
      ...base,
      nsRole('tok', 'team', [r(['create'], ['serviceaccounts/token'], [''], [name])]),
      rb('tok', 'team', 'Role', 'tok', [user('alice')]),
    ];
    expect(goals(named('boss'), alice)['cluster-admin']).toBe(2);
    expect(goals(named('other'), alice)).toEqual({});
  });

  it('impersonating groups needs a user to impersonate alongside', () => {
    const groupsOnly = [clusterRole('imp', [r(['impersonate'], ['groups'])]), crb('imp', 'imp', [user('alice')])];
    expect(goals(groupsOnly, alice)).toEqual({});
    const withUsers = [clusterRole('imp', [r(['impersonate'], ['groups', 'users'])]), crb('imp', 'imp', [user('alice')])];
    expect(goals(withUsers, alice)['cluster-admin']).toBe(2);
  });

  it('bind on clusterroles plus creating bindings is cluster-admin', () => {
    const objects = [
      clusterRole('binder', [
        r(['bind'], ['clusterroles'], ['rbac.authorization.k8s.io']),
        r(['create'], ['clusterrolebindings'], ['rbac.authorization.k8s.io']),
      ]),
      crb('binder', 'binder', [user('alice')]),
    ];
    expect(goals(objects, alice)['cluster-admin']).toBe(2);
    const bindOnly = [
      clusterRole('binder', [r(['bind'], ['clusterroles'], ['rbac.authorization.k8s.io'])]),
      crb('binder', 'binder', [user('alice')]),
    ];
    expect(goals(bindOnly, alice)).toEqual({});
  });

  it('escalate plus update on the role the subject is bound to is cluster-admin', () => {
    const objects = [
      clusterRole('self', [r(['escalate', 'update'], ['clusterroles'], ['rbac.authorization.k8s.io'], ['self'])]),
      crb('self', 'self', [user('alice')]),
    ];
    expect(goals(objects, alice)['cluster-admin']).toBe(2);
    const otherRole = [
      clusterRole('self', [r(['escalate', 'update'], ['clusterroles'], ['rbac.authorization.k8s.io'], ['unrelated'])]),
      crb('self', 'self', [user('alice')]),
    ];
    expect(goals(otherRole, alice)).toEqual({});
  });

  it('nodes/proxy is root on a node; through node tokens it reaches what pods on the node can', () => {
    const objects = [
      ...admin,
      clusterRole('proxy', [r(['get'], ['nodes/proxy'])]),
      crb('proxy', 'proxy', [user('alice')]),
      obj({
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'ctl', namespace: 'team' },
        spec: { template: { spec: { serviceAccountName: 'boss', containers: [{ name: 'c', image: 'x' }] } } },
      }),
    ];
    expect(goals(objects, alice)).toEqual({ 'node-root': 1, 'cluster-admin': 3, 'all-secrets': 3 });
  });

  it('an unmounted token is not on the node', () => {
    const objects = [
      ...admin,
      clusterRole('proxy', [r(['get'], ['nodes/proxy'])]),
      crb('proxy', 'proxy', [user('alice')]),
      obj({
        apiVersion: 'v1',
        kind: 'ServiceAccount',
        metadata: { name: 'boss', namespace: 'team' },
        automountServiceAccountToken: false,
      }),
      obj({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'p', namespace: 'team' },
        spec: { serviceAccountName: 'boss', containers: [{ name: 'c', image: 'x' }] },
      }),
    ];
    expect(goals(objects, alice)).toEqual({ 'node-root': 1 });
  });

  it('exec into a privileged pod is root on its node', () => {
    const objects = [
      obj({
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name: 'sys', labels: { 'pod-security.kubernetes.io/enforce': 'privileged' } },
      }),
      nsRole('exec', 'sys', [r(['create'], ['pods/exec'])]),
      rb('exec', 'sys', 'Role', 'exec', [user('alice')]),
      obj({
        apiVersion: 'apps/v1',
        kind: 'DaemonSet',
        metadata: { name: 'agent', namespace: 'sys' },
        spec: {
          template: {
            spec: {
              automountServiceAccountToken: false,
              containers: [{ name: 'a', image: 'x', securityContext: { privileged: true } }],
            },
          },
        },
      }),
    ];
    expect(goals(objects, alice)).toEqual({ 'node-root': 2 });
  });

  it('reading secrets reads the tokens stored in them', () => {
    const objects = [
      ...admin,
      obj({
        apiVersion: 'v1',
        kind: 'Secret',
        type: 'kubernetes.io/service-account-token',
        metadata: { name: 'boss-token', namespace: 'team', annotations: { 'kubernetes.io/service-account.name': 'boss' } },
      }),
      nsRole('read', 'team', [r(['get', 'list'], ['secrets'])]),
      rb('read', 'team', 'Role', 'read', [user('alice')]),
    ];
    expect(goals(objects, alice)['cluster-admin']).toBe(3);
  });

  it('creating and reading secrets mints a token for any service account', () => {
    const objects = [
      ...admin,
      nsRole('s', 'team', [r(['create', 'get'], ['secrets'])]),
      rb('s', 'team', 'Role', 's', [user('alice')]),
    ];
    expect(goals(objects, alice)['cluster-admin']).toBe(3);
  });

  it('CSR create, approval and the client signer mint system:masters', () => {
    const certs = 'certificates.k8s.io';
    const objects = [
      clusterRole('csr', [
        r(['create', 'get'], ['certificatesigningrequests'], [certs]),
        r(['update'], ['certificatesigningrequests/approval'], [certs]),
        r(['approve'], ['signers'], [certs], ['kubernetes.io/kube-apiserver-client']),
      ]),
      crb('csr', 'csr', [user('alice')]),
    ];
    expect(goals(objects, alice)['cluster-admin']).toBe(2);
  });

  it('a hostPath PersistentVolume bypasses Pod Security', () => {
    const objects = [
      obj({
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name: 'team', labels: { 'pod-security.kubernetes.io/enforce': 'restricted' } },
      }),
      clusterRole('pv', [r(['create'], ['persistentvolumes'])]),
      crb('pv', 'pv', [user('alice')]),
      nsRole('pods', 'team', [r(['create'], ['pods', 'persistentvolumeclaims'])]),
      rb('pods', 'team', 'Role', 'pods', [user('alice')]),
    ];
    expect(goals(objects, alice)).toEqual({ 'node-root': 1 });
  });

  it('with the default bindings, creating pods in kube-system reaches the controllers and cluster-admin', () => {
    const objects = [
      nsRole('maker', 'kube-system', [r(['create'], ['pods'])]),
      rb('maker', 'kube-system', 'Role', 'maker', [user('alice')]),
    ];
    const found = goals(objects, alice, true);
    expect(found['cluster-admin']).toBeGreaterThanOrEqual(4);
    expect(goals(objects, alice, false)['cluster-admin']).toBeUndefined();
  });

  it('lists service accounts that read secrets', () => {
    const set = new ObjectSet([
      nsRole('read', 'a', [r(['list'], ['secrets'])]),
      rb('read', 'a', 'Role', 'read', [sa('app', 'a')]),
    ]);
    const graph = new EscalationGraph(set, new RbacModel(set));
    expect(graph.secretReaders()).toEqual([{ namespace: 'a', serviceAccount: 'app', reads: ['a'], via: 'RoleBinding/a/read' }]);
  });

  it('shows each step with the binding that grants it', () => {
    const objects = [...admin, nsRole('m', 'team', [r(['create'], ['pods'])]), rb('m', 'team', 'Role', 'm', [user('alice')])];
    const set = new ObjectSet(objects);
    const graph = new EscalationGraph(set, new RbacModel(set));
    const path = graph.pathFrom(alice, 'cluster-admin' as Goal);
    expect(path?.steps.map((s) => s.to)).toEqual([
      'pods in namespace team',
      'any service account of namespace team',
      'ServiceAccount team/boss',
      'cluster-admin equivalence',
    ]);
    expect(path?.steps[0]?.source).toMatchObject({ binding: 'RoleBinding/team/m', role: 'Role/m', subjectIndex: 0 });
  });
});
