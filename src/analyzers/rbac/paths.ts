/**
 * Privilege-escalation paths: a graph whose nodes are identities (users, groups, service
 * accounts), grants an identity can give itself (a role bound in a scope), capability hubs
 * ("can run a pod in namespace N", "can read the secrets of N", "can exec into the pods of N")
 * and three goals (cluster-admin equivalence, reading every secret, root on a node). Edges are the
 * techniques an attacker uses; a reverse breadth-first search from each goal gives every node its
 * shortest chain, so paths for all subjects cost one pass over the graph per goal.
 *
 * Each edge uses the permissions of one identity (or one grant) at a time, which is how the API
 * server checks a request. What the manifests cannot tell (admission webhooks beyond Pod
 * Security labels, which node a pod lands on) is assumed as listed in ASSUMPTIONS.
 */
import { asArray, asObject, asString, type K8sObject } from '../../model/k8s.js';
import type { ObjectSet } from '../../model/object-set.js';
import type { Workload } from '../../model/workload.js';
import { describeSubject, MASTERS, type SubjectRef, subjectKey, userOfSubject } from './identity.js';
import { type Binding, DEFAULT_NAMESPACE, type Grant, type RbacModel, type Role, rbacModel } from './model.js';
import {
  apiGroupMatches,
  type PolicyRule,
  resourceMatches,
  resourceRequest,
  ruleAllows,
  type SourcedRule,
  verbMatches,
} from './policy.js';

export type Goal = 'cluster-admin' | 'all-secrets' | 'node-root';
export const GOALS: readonly Goal[] = ['cluster-admin', 'all-secrets', 'node-root'];

export const GOAL_TEXT: Record<Goal, string> = {
  'cluster-admin': 'cluster-admin equivalence',
  'all-secrets': 'reading every secret in the cluster',
  'node-root': 'root on a node',
};

export const ASSUMPTIONS: readonly string[] = [
  'A namespace whose Namespace object is not in the input, or has no pod-security.kubernetes.io/enforce label of baseline or restricted, admits privileged pods (no cluster-wide Pod Security default, Kyverno, Gatekeeper or other admission policy is known).',
  'Root on a node exposes the service-account tokens of every workload in the input that mounts one (any pod may be scheduled on that node).',
  'Whoever can create pods or pod controllers in a namespace can run them as any service account of that namespace and mount any of its secrets.',
  'A ClusterRole named in a binding but absent from the input is a default ClusterRole when Kubernetes has one of that name; the default bindings count only with --with-defaults.',
  'A client certificate issued through an approved CertificateSigningRequest for the kube-apiserver-client signer may name any group, including system:masters.',
];

interface Evidence {
  binding: Binding;
  role: Role;
  rule: SourcedRule;
}

export interface Step {
  from: string;
  to: string;
  /** What the attacker does, in words. */
  action: string;
  /** The grant that makes the step possible, when it comes from RBAC. */
  source?: { binding: string; role: string; object?: K8sObject; subjectIndex?: number; rulePath?: (string | number)[] };
}

export interface EscalationPath {
  subject: SubjectRef;
  goal: Goal;
  steps: Step[];
}

export interface SecretReader {
  namespace: string;
  serviceAccount: string;
  /** Namespaces whose secrets it reads; `*` for every namespace. */
  reads: string[];
  via: string;
}

interface Edge {
  to: number;
  action: string;
  evidence?: Evidence;
}

type Perms = { scope: string; role: Role; binding: Binding }[];

const POD_CREATORS: readonly [string, string][] = [
  ['', 'pods'],
  ['apps', 'deployments'],
  ['apps', 'daemonsets'],
  ['apps', 'statefulsets'],
  ['apps', 'replicasets'],
  ['batch', 'jobs'],
  ['batch', 'cronjobs'],
  ['', 'replicationcontrollers'],
];
const TEMPLATE_EDITORS: readonly [string, string][] = [
  ['apps', 'deployments'],
  ['apps', 'daemonsets'],
  ['apps', 'statefulsets'],
  ['apps', 'replicasets'],
  ['batch', 'cronjobs'],
  ['', 'replicationcontrollers'],
];

const SENSITIVE_HOST_PATHS = [
  '/',
  '/etc',
  '/root',
  '/home',
  '/proc',
  '/sys',
  '/dev',
  '/boot',
  '/var/lib/kubelet',
  '/var/lib/docker',
  '/var/lib/containerd',
  '/var/run',
  '/run',
  '/var/run/docker.sock',
  '/run/containerd/containerd.sock',
  '/var/run/crio/crio.sock',
];

/** Why a workload gives root on its node, or undefined. */
export function nodeRootReason(workload: Workload): string | undefined {
  for (const container of workload.containers) {
    if (container.securityContext?.privileged === true) return `container "${container.name}" is privileged`;
    const add = asArray(asObject(container.securityContext?.capabilities)?.add);
    if (add.includes('SYS_ADMIN') || add.includes('CAP_SYS_ADMIN') || add.includes('ALL')) {
      return `container "${container.name}" adds ${add.includes('ALL') ? 'ALL capabilities' : 'SYS_ADMIN'}`;
    }
  }
  for (const volume of workload.volumes) {
    const path = asString(asObject(volume.value.hostPath)?.path);
    if (path === undefined) continue;
    const normal = path.replace(/\/+$/, '') || '/';
    if (SENSITIVE_HOST_PATHS.includes(normal)) return `volume "${volume.name}" mounts the host's ${normal}`;
  }
  return undefined;
}

/** Whether the pods of a workload get a service-account token (spec, else the ServiceAccount). */
export function mountsToken(workload: Workload, serviceAccount: K8sObject | undefined): boolean {
  const own = workload.podSpec.automountServiceAccountToken;
  if (typeof own === 'boolean') return own;
  return serviceAccount?.value.automountServiceAccountToken !== false;
}

export function namespaceOfObject(object: K8sObject): string {
  return object.namespace ?? DEFAULT_NAMESPACE;
}

/** Whether Pod Security admission stops privileged pods in a namespace (from its enforce label). */
export function privilegedBlocked(namespaceObject: K8sObject | undefined): string | undefined {
  const level = namespaceObject?.labels['pod-security.kubernetes.io/enforce'];
  return level === 'baseline' || level === 'restricted' ? level : undefined;
}

export class EscalationGraph {
  readonly model: RbacModel;
  readonly #ids = new Map<string, number>();
  readonly #labels: string[] = [];
  readonly #edges: Edge[][] = [];
  readonly #perms = new Map<number, Perms>();
  readonly #pending: number[] = [];
  readonly #serviceAccounts = new Map<string, Set<string>>();
  readonly #namespaceObjects = new Map<string, K8sObject>();
  readonly #saObjects = new Map<string, K8sObject>();
  readonly #users = new Set<string>();
  readonly #groups = new Set<string>();
  readonly #next = new Map<Goal, Int32Array>();
  readonly #nextEdge = new Map<Goal, Int32Array>();
  readonly #workloads: { workload: Workload; namespace: string }[] = [];
  /** Service accounts whose tokens sit in pods, with the workload. */
  readonly tokenWorkloads: { workload: Workload; namespace: string; serviceAccount: string }[] = [];
  /** Subjects the analysis starts from: every binding subject and every known service account. */
  readonly starts: SubjectRef[] = [];

  constructor(set: ObjectSet, model: RbacModel, extraStarts: readonly SubjectRef[] = []) {
    this.model = model;
    this.#collect(set);
    for (const subject of extraStarts) {
      if (!this.starts.some((s) => subjectKey(s) === subjectKey(subject))) this.starts.push(subject);
    }
    for (const goal of GOALS) this.#node(`goal:${goal}`, GOAL_TEXT[goal]);
    const masters = this.#node(`group:${MASTERS}`, `Group ${MASTERS}`);
    this.#edge(masters, this.#goal('cluster-admin'), 'is authorized for everything before RBAC is consulted');
    this.#edge(this.#goal('cluster-admin'), this.#goal('all-secrets'), 'list secrets in every namespace');
    this.#edge(this.#goal('cluster-admin'), this.#goal('node-root'), 'create a privileged pod on any node');
    for (const namespace of this.#allNamespaces()) {
      this.#edge(this.#goal('all-secrets'), this.#secretsHub(namespace), `read the secrets of ${namespace}`);
    }
    for (const { workload, namespace, serviceAccount } of this.tokenWorkloads) {
      this.#edge(
        this.#goal('node-root'),
        this.#identity({ kind: 'ServiceAccount', namespace, name: serviceAccount }),
        `read the token of ${workload.object.id} from the node's filesystem`,
      );
    }
    for (const subject of this.starts) this.#identity(subject);
    this.#linkTokenSecrets(set);
    while (this.#pending.length > 0) {
      const node = this.#pending.pop();
      if (node !== undefined) this.#expand(node);
    }
    for (const goal of GOALS) this.#search(goal);
  }

  // ------------------------------------------------------------ inventory

  #collect(set: ObjectSet): void {
    const addSa = (namespace: string, name: string) => {
      let names = this.#serviceAccounts.get(namespace);
      if (!names) {
        names = new Set();
        this.#serviceAccounts.set(namespace, names);
      }
      names.add(name);
    };
    for (const namespace of this.model.namespaces) addSa(namespace, 'default');
    for (const object of set.ofKind('Namespace')) this.#namespaceObjects.set(object.name, object);
    for (const object of set.ofKind('ServiceAccount')) {
      if (object.group !== '') continue;
      addSa(namespaceOfObject(object), object.name);
      this.#saObjects.set(`${namespaceOfObject(object)}/${object.name}`, object);
    }
    for (const binding of this.model.bindings) {
      for (const subject of binding.subjects) {
        if (subject.ref.kind === 'ServiceAccount') addSa(subject.ref.namespace ?? DEFAULT_NAMESPACE, subject.ref.name);
        else if (subject.ref.kind === 'User') this.#users.add(subject.ref.name);
        else this.#groups.add(subject.ref.name);
      }
    }
    for (const workload of set.workloads) {
      const namespace = namespaceOfObject(workload.object);
      const name = workload.serviceAccountName;
      addSa(namespace, name);
      if (workload.kind === 'PodTemplate') continue;
      this.#workloads.push({ workload, namespace });
      if (mountsToken(workload, this.#saObjects.get(`${namespace}/${name}`))) {
        this.tokenWorkloads.push({ workload, namespace, serviceAccount: name });
      }
    }
    const seen = new Set<string>();
    const start = (subject: SubjectRef) => {
      const key = subjectKey(subject);
      if (seen.has(key)) return;
      seen.add(key);
      this.starts.push(subject);
    };
    for (const binding of this.model.bindings) {
      if (binding.builtin) continue;
      for (const subject of binding.subjects) start(subject.ref);
    }
    for (const [namespace, names] of this.#serviceAccounts) {
      for (const name of names) start({ kind: 'ServiceAccount', namespace, name });
    }
  }

  #namespaceList: string[] | undefined;

  #allNamespaces(): string[] {
    if (this.#namespaceList === undefined) this.#namespaceList = [...this.#serviceAccounts.keys()].sort();
    return this.#namespaceList;
  }

  // ------------------------------------------------------------ graph building

  #node(id: string, label: string): number {
    let index = this.#ids.get(id);
    if (index === undefined) {
      index = this.#labels.length;
      this.#ids.set(id, index);
      this.#labels.push(label);
      this.#edges.push([]);
    }
    return index;
  }

  #edge(from: number, to: number, action: string, evidence?: Evidence): void {
    if (from === to) return;
    const list = this.#edges[from];
    if (!list || list.some((e) => e.to === to)) return;
    list.push(evidence ? { to, action, evidence } : { to, action });
  }

  #goal(goal: Goal): number {
    return this.#node(`goal:${goal}`, GOAL_TEXT[goal]);
  }

  #identity(subject: SubjectRef): number {
    const id =
      subject.kind === 'ServiceAccount'
        ? `sa:${subject.namespace ?? ''}/${subject.name}`
        : `${subject.kind === 'User' ? 'user' : 'group'}:${subject.name}`;
    const known = this.#ids.get(id);
    if (known !== undefined && this.#perms.has(known)) return known;
    const index = this.#node(id, describeSubject(subject));
    const grants: Grant[] = this.model.grantsFor(userOfSubject(subject), '*');
    this.#perms.set(
      index,
      grants.map((g) => ({
        scope: g.binding.kind === 'ClusterRoleBinding' ? '' : (g.binding.namespace ?? DEFAULT_NAMESPACE),
        role: g.role,
        binding: g.binding,
      })),
    );
    this.#pending.push(index);
    return index;
  }

  #grant(role: Role, scope: string, via: Binding | undefined): number {
    const id = `grant:${role.id}@${scope}`;
    const known = this.#ids.get(id);
    if (known !== undefined) return known;
    const where = scope === '' ? 'cluster-wide' : `in namespace ${scope}`;
    const index = this.#node(id, `${role.kind} ${role.name} bound ${where}`);
    const binding: Binding = via ?? {
      kind: scope === '' ? 'ClusterRoleBinding' : 'RoleBinding',
      name: '(new binding)',
      namespace: scope === '' ? undefined : scope,
      object: undefined,
      roleRef: { kind: role.kind, name: role.name, apiGroup: 'rbac.authorization.k8s.io' },
      role,
      subjects: [],
      problems: [],
      valid: true,
      builtin: true,
      id: scope === '' ? 'ClusterRoleBinding/(new)' : `RoleBinding/${scope}/(new)`,
      roleId: `${role.kind}/${role.name}`,
    };
    this.#perms.set(index, [{ scope, role, binding }]);
    this.#pending.push(index);
    return index;
  }

  #podsHub(namespace: string): number {
    const id = `pods:${namespace}`;
    const known = this.#ids.get(id);
    if (known !== undefined) return known;
    if (namespace === '*') {
      const index = this.#node(id, 'pods in every namespace');
      for (const ns of this.#allNamespaces()) this.#edge(index, this.#podsHub(ns), `choose namespace ${ns}`);
      return index;
    }
    const index = this.#node(id, `pods in namespace ${namespace}`);
    this.#edge(index, this.#anySaHub(namespace), 'set serviceAccountName to any service account of the namespace');
    this.#edge(index, this.#secretsHub(namespace), 'mount any secret of the namespace as a volume');
    const blocked = privilegedBlocked(this.#namespaceObjects.get(namespace));
    if (!blocked) {
      this.#edge(
        index,
        this.#goal('node-root'),
        `create a privileged pod with the host's filesystem mounted (no Pod Security enforce label on namespace ${namespace} stops it)`,
      );
    }
    return index;
  }

  #anySaHub(namespace: string): number {
    const id = `anysa:${namespace}`;
    const known = this.#ids.get(id);
    if (known !== undefined) return known;
    if (namespace === '*') {
      const index = this.#node(id, 'any service account of any namespace');
      for (const ns of this.#allNamespaces()) this.#edge(index, this.#anySaHub(ns), `choose namespace ${ns}`);
      return index;
    }
    const index = this.#node(id, `any service account of namespace ${namespace}`);
    for (const name of this.#serviceAccounts.get(namespace) ?? []) {
      this.#edge(
        index,
        this.#identity({ kind: 'ServiceAccount', namespace, name }),
        `act as ServiceAccount ${namespace}/${name}`,
      );
    }
    return index;
  }

  /** Binding a ClusterRole with RoleBindings in every namespace. */
  #bindHub(role: Role): number {
    const id = `bindcr:${role.name}:*`;
    const known = this.#ids.get(id);
    if (known !== undefined) return known;
    const index = this.#node(id, `ClusterRole ${role.name} bound in any namespace`);
    for (const ns of this.#allNamespaces()) this.#edge(index, this.#grant(role, ns, undefined), `choose namespace ${ns}`);
    return index;
  }

  /** Binding any Role of a namespace ('*' for every namespace). */
  #bindRolesHub(namespace: string): number {
    const id = `bindroles:${namespace}`;
    const known = this.#ids.get(id);
    if (known !== undefined) return known;
    if (namespace === '*') {
      const index = this.#node(id, 'any Role of any namespace bound to oneself');
      for (const ns of this.#allNamespaces()) this.#edge(index, this.#bindRolesHub(ns), `choose namespace ${ns}`);
      return index;
    }
    const index = this.#node(id, `any Role of namespace ${namespace} bound to oneself`);
    for (const role of this.model.rolesIn(namespace)) {
      this.#edge(index, this.#grant(role, namespace, undefined), `bind Role ${role.name}`);
    }
    return index;
  }

  #secretsHub(namespace: string): number {
    const id = `secrets:${namespace}`;
    const known = this.#ids.get(id);
    if (known !== undefined) return known;
    const index = this.#node(id, `the secrets of namespace ${namespace}`);
    return index;
  }

  #linkTokenSecrets(set: ObjectSet): void {
    for (const secret of set.ofKind('Secret')) {
      if (secret.group !== '' || secret.value.type !== 'kubernetes.io/service-account-token') continue;
      const name = secret.annotations['kubernetes.io/service-account.name'];
      if (!name) continue;
      const namespace = namespaceOfObject(secret);
      this.#edge(
        this.#secretsHub(namespace),
        this.#identity({ kind: 'ServiceAccount', namespace, name }),
        `read the token in Secret ${namespace}/${secret.name}`,
      );
    }
  }

  #execHub(namespace: string): number {
    const id = `exec:${namespace}`;
    const known = this.#ids.get(id);
    if (known !== undefined) return known;
    if (namespace === '*') {
      const index = this.#node(id, 'running pods of every namespace');
      for (const ns of this.#allNamespaces()) this.#edge(index, this.#execHub(ns), `choose namespace ${ns}`);
      return index;
    }
    const index = this.#node(id, `running pods of namespace ${namespace}`);
    for (const { workload, namespace: ns, serviceAccount } of this.tokenWorkloads) {
      if (ns !== namespace) continue;
      this.#edge(
        index,
        this.#identity({ kind: 'ServiceAccount', namespace, name: serviceAccount }),
        `run commands in a pod of ${workload.object.id} and read its token`,
      );
    }
    for (const { workload, namespace: ns } of this.#workloads) {
      if (ns !== namespace) continue;
      const reason = nodeRootReason(workload);
      if (reason) this.#edge(index, this.#goal('node-root'), `run commands in ${workload.object.id}, where ${reason}`);
    }
    return index;
  }

  // ------------------------------------------------------------ techniques

  /** Scopes in which the permissions allow a request shape; names are the resourceNames limits. */
  #scoped(perms: Perms, verbs: readonly string[], group: string, resource: string, subresource = ''): Scoped[] {
    const combined = subresource === '' ? resource : `${resource}/${subresource}`;
    const out: Scoped[] = [];
    for (const p of perms) {
      for (const rule of p.role.rules) {
        if (!verbs.some((v) => verbMatches(rule, v))) continue;
        if (!apiGroupMatches(rule, group) || !resourceMatches(rule, combined, subresource)) continue;
        out.push({
          scope: p.scope,
          names: rule.resourceNames.length === 0 ? 'all' : rule.resourceNames,
          evidence: { binding: p.binding, role: p.role, rule },
        });
      }
    }
    return out;
  }

  #expand(node: number): void {
    const perms = this.#perms.get(node);
    if (!perms || perms.length === 0) return;
    const namespaces = this.#allNamespaces();
    const expandScope = (scope: string) => (scope === '' ? namespaces : [scope]);
    const unrestricted = (list: Scoped[]) => list.filter((s) => s.names === 'all');

    // cluster-admin equivalence: * on * in * cluster-wide.
    for (const p of perms) {
      if (p.scope !== '') continue;
      const rule = p.role.rules.find((r) => ruleAllows(r, resourceRequest('*', '*', '*', { namespace: '' })));
      if (rule) this.#edge(node, this.#goal('cluster-admin'), 'holds every verb on every resource cluster-wide', { ...p, rule });
    }

    // Pods and pod controllers.
    for (const [group, resource] of POD_CREATORS) {
      for (const s of unrestricted(this.#scoped(perms, ['create'], group, resource))) {
        const name = group === '' ? resource : `${resource}.${group}`;
        const hub = this.#podsHub(s.scope === '' ? '*' : s.scope);
        this.#edge(node, hub, `create ${name}${s.scope === '' ? ' in any namespace' : ` in namespace ${s.scope}`}`, s.evidence);
      }
    }
    for (const [group, resource] of TEMPLATE_EDITORS) {
      for (const s of this.#scoped(perms, ['update', 'patch'], group, resource)) {
        const name = group === '' ? resource : `${resource}.${group}`;
        const hub = this.#podsHub(s.scope === '' ? '*' : s.scope);
        this.#edge(
          node,
          hub,
          `change the pod template of ${name}${s.scope === '' ? ' in any namespace' : ` in namespace ${s.scope}`}`,
          s.evidence,
        );
      }
    }

    // Exec, attach, ephemeral containers, image changes: the pods that already run.
    const execs = [
      ...this.#scoped(perms, ['create', 'get'], '', 'pods', 'exec'),
      ...this.#scoped(perms, ['create', 'get'], '', 'pods', 'attach'),
      ...this.#scoped(perms, ['update', 'patch'], '', 'pods', 'ephemeralcontainers'),
      ...this.#scoped(perms, ['update', 'patch'], '', 'pods'),
    ];
    for (const s of execs) {
      const scopeText = s.scope === '' ? 'in any namespace' : `in namespace ${s.scope}`;
      this.#edge(
        node,
        this.#execHub(s.scope === '' ? '*' : s.scope),
        `exec into or change running pods ${scopeText}`,
        s.evidence,
      );
    }

    // Secrets.
    for (const s of unrestricted(this.#scoped(perms, ['get', 'list', 'watch'], '', 'secrets'))) {
      if (s.scope === '') this.#edge(node, this.#goal('all-secrets'), 'read secrets in every namespace', s.evidence);
      else this.#edge(node, this.#secretsHub(s.scope), `read the secrets of namespace ${s.scope}`, s.evidence);
    }
    const secretCreators = unrestricted(this.#scoped(perms, ['create'], '', 'secrets'));
    if (secretCreators.length > 0) {
      const readers = this.#scoped(perms, ['get', 'list', 'watch'], '', 'secrets');
      for (const creator of secretCreators) {
        for (const namespace of expandScope(creator.scope)) {
          const reader = readers.find((r) => r.scope === '' || r.scope === namespace);
          if (!reader) continue;
          this.#edge(
            node,
            this.#anySaHub(namespace),
            `create a kubernetes.io/service-account-token Secret for any service account of ${namespace} and read the token the controller fills in`,
            creator.evidence,
          );
        }
      }
    }

    // Token requests.
    for (const s of this.#scoped(perms, ['create'], '', 'serviceaccounts', 'token')) {
      if (s.names === 'all') {
        this.#edge(
          node,
          this.#anySaHub(s.scope === '' ? '*' : s.scope),
          `request a token for any service account ${s.scope === '' ? 'of any namespace' : `of namespace ${s.scope}`}`,
          s.evidence,
        );
      } else {
        for (const namespace of expandScope(s.scope)) {
          for (const name of s.names) {
            if (!this.#serviceAccounts.get(namespace)?.has(name)) continue;
            this.#edge(
              node,
              this.#identity({ kind: 'ServiceAccount', namespace, name }),
              `request a token for ServiceAccount ${namespace}/${name}`,
              s.evidence,
            );
          }
        }
      }
    }

    // Impersonation.
    const impersonateUsers = this.#scoped(perms, ['impersonate'], '', 'users').filter((s) => s.scope === '');
    const impersonateSas = this.#scoped(perms, ['impersonate'], '', 'serviceaccounts');
    for (const s of impersonateUsers) {
      const names = s.names === 'all' ? [...this.#users] : s.names;
      for (const name of names) {
        if (!this.#users.has(name)) continue;
        this.#edge(node, this.#identity({ kind: 'User', name }), `impersonate User ${name}`, s.evidence);
      }
    }
    for (const s of impersonateSas) {
      if (s.names === 'all') {
        this.#edge(
          node,
          this.#anySaHub(s.scope === '' ? '*' : s.scope),
          `impersonate any service account ${s.scope === '' ? 'of any namespace' : `of namespace ${s.scope}`}`,
          s.evidence,
        );
        continue;
      }
      for (const namespace of expandScope(s.scope)) {
        for (const name of s.names) {
          if (!this.#serviceAccounts.get(namespace)?.has(name)) continue;
          this.#edge(
            node,
            this.#identity({ kind: 'ServiceAccount', namespace, name }),
            `impersonate ServiceAccount ${namespace}/${name}`,
            s.evidence,
          );
        }
      }
    }
    // Group impersonation needs a user to impersonate alongside (the Impersonate-User header is mandatory).
    if (impersonateUsers.length > 0 || impersonateSas.length > 0) {
      for (const s of this.#scoped(perms, ['impersonate'], '', 'groups').filter((x) => x.scope === '')) {
        if (s.names === 'all' || s.names.includes(MASTERS)) {
          this.#edge(node, this.#node(`group:${MASTERS}`, `Group ${MASTERS}`), `impersonate Group ${MASTERS}`, s.evidence);
        }
        const names = s.names === 'all' ? [...this.#groups] : s.names;
        for (const name of names) {
          if (this.#groups.has(name))
            this.#edge(node, this.#identity({ kind: 'Group', name }), `impersonate Group ${name}`, s.evidence);
        }
      }
    }

    // bind: create or change a binding to a role the identity may bind.
    const RBAC = 'rbac.authorization.k8s.io';
    const bindingWriters = this.#scoped(perms, ['create', 'update', 'patch'], RBAC, 'rolebindings').filter(
      (s) => s.names === 'all',
    );
    if (bindingWriters.length > 0) {
      // Where both the binding write and the bind check pass: a namespace, or '*' for all of them.
      const overlap = (a: string, b: string): string | undefined =>
        a === '' ? (b === '' ? '*' : b) : b === '' || a === b ? a : undefined;
      for (const writer of bindingWriters) {
        for (const b of this.#scoped(perms, ['bind'], RBAC, 'clusterroles')) {
          const where = overlap(writer.scope, b.scope);
          if (where === undefined) continue;
          for (const name of b.names === 'all' ? ['cluster-admin'] : b.names) {
            const role = this.model.clusterRole(name);
            if (!role) continue;
            const target = where === '*' ? this.#bindHub(role) : this.#grant(role, where, undefined);
            this.#edge(
              node,
              target,
              `create a RoleBinding ${where === '*' ? 'in any namespace' : `in ${where}`} to ClusterRole ${name} (allowed to bind it)`,
              b.evidence,
            );
          }
        }
        for (const b of this.#scoped(perms, ['bind'], RBAC, 'roles')) {
          const where = overlap(writer.scope, b.scope);
          if (where === undefined) continue;
          if (b.names === 'all') {
            this.#edge(
              node,
              this.#bindRolesHub(where),
              `create a RoleBinding ${where === '*' ? 'in any namespace' : `in ${where}`} to any Role there`,
              b.evidence,
            );
            continue;
          }
          for (const namespace of where === '*' ? namespaces : [where]) {
            for (const name of b.names) {
              const role = this.model.role(namespace, name);
              if (role)
                this.#edge(
                  node,
                  this.#grant(role, namespace, undefined),
                  `create a RoleBinding in ${namespace} to Role ${name}`,
                  b.evidence,
                );
            }
          }
        }
      }
    }
    const clusterBindingWriters = this.#scoped(perms, ['create', 'update', 'patch'], RBAC, 'clusterrolebindings').filter(
      (s) => s.scope === '' && s.names === 'all',
    );
    if (clusterBindingWriters.length > 0) {
      for (const b of this.#scoped(perms, ['bind'], RBAC, 'clusterroles').filter((s) => s.scope === '')) {
        const targets = b.names === 'all' ? ['cluster-admin'] : b.names;
        for (const name of targets) {
          const role = this.model.clusterRole(name);
          if (!role) continue;
          this.#edge(
            node,
            this.#grant(role, '', undefined),
            `create a ClusterRoleBinding to ClusterRole ${name} (allowed to bind it)`,
            b.evidence,
          );
        }
      }
    }

    // escalate: rewrite a role the identity is bound to.
    const escalateCluster = this.#scoped(perms, ['escalate'], RBAC, 'clusterroles');
    const escalateRoles = this.#scoped(perms, ['escalate'], RBAC, 'roles');
    if (escalateCluster.length > 0 || escalateRoles.length > 0) {
      const updateCluster = this.#scoped(perms, ['update', 'patch'], RBAC, 'clusterroles');
      const updateRoles = this.#scoped(perms, ['update', 'patch'], RBAC, 'roles');
      const admin = this.model.clusterRole('cluster-admin');
      const covers = (list: Scoped[], scope: string, name: string) =>
        list.find((s) => (s.scope === '' || s.scope === scope) && (s.names === 'all' || s.names.includes(name)));
      for (const p of perms) {
        if (!admin) break;
        const roleScope = p.role.kind === 'ClusterRole' ? '' : (p.role.namespace ?? '');
        const esc = covers(p.role.kind === 'ClusterRole' ? escalateCluster : escalateRoles, roleScope, p.role.name);
        const upd = covers(p.role.kind === 'ClusterRole' ? updateCluster : updateRoles, roleScope, p.role.name);
        if (!esc || !upd) continue;
        this.#edge(
          node,
          this.#grant(admin, p.scope, undefined),
          `add every permission to ${p.role.kind} ${p.role.name}, which ${p.binding.id} binds to it (escalate)`,
          esc.evidence,
        );
      }
    }

    // The kubelet API through nodes/proxy.
    const proxy = this.#scoped(perms, ['get', 'create'], '', 'nodes', 'proxy').find((s) => s.scope === '');
    if (proxy) {
      this.#edge(
        node,
        this.#goal('node-root'),
        'run commands in any pod, privileged ones included, through the kubelet API (nodes/proxy)',
        proxy.evidence,
      );
    }

    // Certificate signing requests: mint a client certificate for system:masters.
    const CERTS = 'certificates.k8s.io';
    const csrCreate = this.#scoped(perms, ['create'], CERTS, 'certificatesigningrequests').find((s) => s.scope === '');
    const csrApprove = this.#scoped(perms, ['update', 'patch'], CERTS, 'certificatesigningrequests', 'approval').find(
      (s) => s.scope === '',
    );
    const csrRead = this.#scoped(perms, ['get', 'list', 'watch'], CERTS, 'certificatesigningrequests').find(
      (s) => s.scope === '',
    );
    const signer = this.#scoped(perms, ['approve'], CERTS, 'signers').find(
      (s) =>
        s.scope === '' &&
        (s.names === 'all' || s.names.includes('kubernetes.io/kube-apiserver-client') || s.names.includes('kubernetes.io/*')),
    );
    if (csrCreate && csrApprove && csrRead && signer) {
      this.#edge(
        node,
        this.#node(`group:${MASTERS}`, `Group ${MASTERS}`),
        'request and approve a client certificate for the kube-apiserver-client signer with organisation system:masters',
        signer.evidence,
      );
    }

    // A hostPath PersistentVolume claimed by a pod: Pod Security does not look at PersistentVolumes.
    const pvCreate = unrestricted(this.#scoped(perms, ['create'], '', 'persistentvolumes')).find((s) => s.scope === '');
    if (pvCreate) {
      const pvcCreate = this.#scoped(perms, ['create'], '', 'persistentvolumeclaims');
      const podCreate = POD_CREATORS.flatMap(([g, r]) => unrestricted(this.#scoped(perms, ['create'], g, r)));
      const where = pvcCreate.find((c) => podCreate.some((p) => p.scope === '' || c.scope === '' || p.scope === c.scope));
      if (where) {
        this.#edge(
          node,
          this.#goal('node-root'),
          "create a hostPath PersistentVolume of the host's root, claim it and mount it in a pod (Pod Security admission does not check PersistentVolumes)",
          pvCreate.evidence,
        );
      }
    }
  }

  // ------------------------------------------------------------ search

  #search(goal: Goal): void {
    const n = this.#labels.length;
    const next = new Int32Array(n).fill(-1);
    const nextEdge = new Int32Array(n).fill(-1);
    const reverse: number[][] = Array.from({ length: n }, () => []);
    this.#edges.forEach((edges, from) => {
      for (const e of edges) reverse[e.to]?.push(from);
    });
    const target = this.#goal(goal);
    const visited = new Uint8Array(n);
    visited[target] = 1;
    const queue = [target];
    for (let head = 0; head < queue.length; head++) {
      const node = queue[head] as number;
      for (const from of reverse[node] ?? []) {
        if (visited[from]) continue;
        visited[from] = 1;
        next[from] = node;
        nextEdge[from] = (this.#edges[from] ?? []).findIndex((e) => e.to === node);
        queue.push(from);
      }
    }
    this.#next.set(goal, next);
    this.#nextEdge.set(goal, nextEdge);
  }

  /** The shortest chain from a subject to a goal, or undefined when there is none. */
  pathFrom(subject: SubjectRef, goal: Goal): EscalationPath | undefined {
    const id =
      subject.kind === 'ServiceAccount'
        ? `sa:${subject.namespace ?? ''}/${subject.name}`
        : `${subject.kind === 'User' ? 'user' : 'group'}:${subject.name}`;
    const start = this.#ids.get(id);
    const next = this.#next.get(goal);
    const nextEdge = this.#nextEdge.get(goal);
    if (start === undefined || !next || !nextEdge) return undefined;
    const target = this.#goal(goal);
    if (next[start] === -1) return undefined;
    const steps: Step[] = [];
    let node = start;
    while (node !== target && steps.length < 64) {
      const to = next[node] ?? -1;
      const edge = this.#edges[node]?.[nextEdge[node] ?? -1];
      if (to === -1 || !edge) return undefined;
      const step: Step = { from: this.#labels[node] ?? '', to: this.#labels[to] ?? '', action: edge.action };
      if (edge.evidence) {
        const { binding, role, rule } = edge.evidence;
        const subjectIndex = binding.subjects.find((s) => this.#ids.get(nodeIdOf(s.ref)) === node)?.index;
        step.source = {
          binding: binding.id,
          role: `${role.kind}/${role.name}`,
          ...(binding.object ? { object: binding.object } : {}),
          ...(subjectIndex !== undefined ? { subjectIndex } : {}),
          ...(rule.path ? { rulePath: [...rule.path] as (string | number)[] } : {}),
        };
      }
      steps.push(step);
      node = to;
    }
    return { subject, goal, steps };
  }

  /** What a subject can do in one step (the techniques its own permissions allow), in words. */
  directActions(subject: SubjectRef): string[] {
    const node = this.#ids.get(nodeIdOf(subject));
    if (node === undefined) return [];
    return (this.#edges[node] ?? []).map((e) => e.action);
  }

  /** Shortest chains from a subject to each goal it can reach. */
  pathsFrom(subject: SubjectRef): EscalationPath[] {
    const out: EscalationPath[] = [];
    for (const goal of GOALS) {
      const path = this.pathFrom(subject, goal);
      if (path) out.push(path);
    }
    return out;
  }

  /** Service accounts that can read secrets directly, by namespace. */
  secretReaders(): SecretReader[] {
    const out: SecretReader[] = [];
    for (const [namespace, names] of [...this.#serviceAccounts].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      for (const name of [...names].sort()) {
        const node = this.#ids.get(`sa:${namespace}/${name}`);
        const perms = node === undefined ? undefined : this.#perms.get(node);
        if (!perms) continue;
        const reads = this.#scoped(perms, ['get', 'list', 'watch'], '', 'secrets').filter((s) => s.names === 'all');
        if (reads.length === 0) continue;
        const scopes = reads.some((s) => s.scope === '') ? ['*'] : [...new Set(reads.map((s) => s.scope))].sort();
        const first = reads.find((s) => s.scope === '') ?? reads[0];
        out.push({ namespace, serviceAccount: name, reads: scopes, via: first ? first.evidence.binding.id : '' });
      }
    }
    return out;
  }
}

interface Scoped {
  scope: string;
  names: 'all' | readonly string[];
  evidence: Evidence;
}

function nodeIdOf(subject: SubjectRef): string {
  return subject.kind === 'ServiceAccount'
    ? `sa:${subject.namespace ?? ''}/${subject.name}`
    : `${subject.kind === 'User' ? 'user' : 'group'}:${subject.name}`;
}

/** The escalation graph of a set, built once per scan. */
export function escalationGraph(set: ObjectSet, options: { withDefaults?: boolean } = {}): EscalationGraph {
  const key = options.withDefaults ? 'rbac-paths+defaults' : 'rbac-paths';
  return set.analysis(key, (s) => {
    const graph = new EscalationGraph(s, rbacModel(s, options));
    return graph;
  });
}

export type { PolicyRule };
