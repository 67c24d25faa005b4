/**
 * The authorization model of a scan: every Role, ClusterRole (with aggregation resolved),
 * RoleBinding and ClusterRoleBinding of the input, plus the default ClusterRoles every cluster
 * has (and, with `withDefaults`, the default bindings), decided with the RBAC authorizer's
 * semantics (plugin/pkg/auth/authorizer/rbac): ClusterRoleBindings apply everywhere,
 * RoleBindings only to requests in their own namespace (also when they reference a ClusterRole),
 * a ServiceAccount subject without a namespace takes its RoleBinding's namespace (and matches
 * nothing in a ClusterRoleBinding), and objects the API server's validation would reject grant
 * nothing. Built once per scan; pure.
 */

import { lookupTable } from '../../core/table.js';
import { asArray, asObject, asString, type K8sObject } from '../../model/k8s.js';
import type { ObjectSet } from '../../model/object-set.js';
import type { Path } from '../../sources/yaml.js';
import {
  DEFAULT_BINDINGS,
  DEFAULT_CLUSTER_ROLES,
  DEFAULT_NAMESPACES,
  DEFAULT_ROLES,
  type DefaultBinding,
  type DefaultRole,
} from './defaults/bootstrap.js';
import { MASTERS, type SubjectRef, serviceAccountUsername, subjectKey, type UserInfo } from './identity.js';
import { type PolicyRule, type Request, readRule, ruleAllows, ruleKey, ruleProblems, type SourcedRule } from './policy.js';
import { type LabelSelector, parseSelector, selectorMatches } from './selector.js';

export const RBAC_GROUP = 'rbac.authorization.k8s.io';
/** Namespace of a namespaced object written without one (kubectl's default). */
export const DEFAULT_NAMESPACE = 'default';

export interface Problem {
  message: string;
  /** Path inside the object where the problem is. */
  path: Path;
}

export type RoleKind = 'Role' | 'ClusterRole';

export interface Role {
  kind: RoleKind;
  name: string;
  /** Namespace of a Role; undefined for a ClusterRole. */
  namespace: string | undefined;
  /** The object it was read from; undefined for a built-in default role. */
  object: K8sObject | undefined;
  labels: Readonly<Record<string, string>>;
  /** Rules as written (for an aggregated ClusterRole the controller replaces them). */
  ownRules: SourcedRule[];
  /** Effective rules: after aggregation for aggregated ClusterRoles. */
  rules: SourcedRule[];
  /** For each effective rule of an aggregated ClusterRole, the role it comes from. */
  ruleOrigins: Role[];
  selectors: LabelSelector[] | undefined;
  problems: Problem[];
  /** False when the API server would reject the object: it does not exist for the authorizer. */
  valid: boolean;
  builtin: boolean;
  /** `ClusterRole/name` or `Role/ns/name`. */
  id: string;
}

export interface BindingSubject {
  ref: SubjectRef;
  /** Index in `subjects`, for positions. */
  index: number;
  /** User name this subject matches (User and ServiceAccount subjects). */
  username?: string;
  /** Group name this subject matches (Group subjects). */
  group?: string;
}

export type BindingKind = 'RoleBinding' | 'ClusterRoleBinding';

export interface Binding {
  kind: BindingKind;
  name: string;
  namespace: string | undefined;
  object: K8sObject | undefined;
  roleRef: { kind: string; name: string; apiGroup: string };
  /** The role it grants, when it exists and is valid. */
  role: Role | undefined;
  /** Subjects that can match a request (invalid ones are left out and reported in problems). */
  subjects: BindingSubject[];
  problems: Problem[];
  valid: boolean;
  builtin: boolean;
  /** `RoleBinding/ns/name` or `ClusterRoleBinding/name` (the who-can `binding` field). */
  id: string;
  /** `Role/name` or `ClusterRole/name` (the who-can `role` field). */
  roleId: string;
}

export interface Grant {
  binding: Binding;
  role: Role;
  subject: BindingSubject;
}

export interface Decision {
  allowed: boolean;
  /** The binding, role and rule that allowed it (the first one, in the authorizer's order). */
  via?: { binding: Binding; role: Role; rule: SourcedRule; subject: BindingSubject };
  /** Allowed because the user is in system:masters, which the API server authorizes before RBAC. */
  privileged?: boolean;
}

export interface WhoCanEntry {
  subject: SubjectRef;
  via: { binding: Binding; role: Role }[];
}

export interface RbacModelOptions {
  /** Include the default bindings (and namespaced default roles) every cluster has. */
  withDefaults?: boolean;
}

function namespaceOf(object: K8sObject): string {
  return object.namespace ?? DEFAULT_NAMESPACE;
}

function isRbacObject(object: K8sObject, kind: string): boolean {
  return object.kind === kind && object.group === RBAC_GROUP;
}

export class RbacModel {
  readonly withDefaults: boolean;
  readonly roles: Role[] = [];
  readonly bindings: Binding[] = [];
  readonly #clusterRoles = new Map<string, Role>();
  readonly #roles = new Map<string, Role>();
  readonly #clusterBindings: Binding[] = [];
  readonly #order = new Map<Binding, number>();
  #rolesByNamespace: Map<string, Role[]> | undefined;
  readonly #roleBindings = new Map<string, Binding[]>();
  /** `user:<name>` / `group:<name>` -> bindings with a subject that matches it. */
  readonly #bySubject = new Map<string, { binding: Binding; subject: BindingSubject }[]>();
  /** Namespaces the input mentions (objects, bindings, subjects), plus the built-in ones with defaults. */
  readonly namespaces = new Set<string>();

  constructor(set: ObjectSet | readonly K8sObject[], options: RbacModelOptions = {}) {
    this.withDefaults = options.withDefaults === true;
    const objects = Array.isArray(set) ? (set as readonly K8sObject[]) : (set as ObjectSet).objects;
    for (const object of objects) {
      if (object.clusterScoped) {
        if (object.kind === 'Namespace' && object.name !== '') this.namespaces.add(object.name);
      } else if (object.kind !== '') this.namespaces.add(namespaceOf(object));
    }
    for (const object of objects) {
      if (isRbacObject(object, 'ClusterRole')) this.#addRole(this.#readRole(object, 'ClusterRole'));
      else if (isRbacObject(object, 'Role')) this.#addRole(this.#readRole(object, 'Role'));
    }
    for (const role of DEFAULT_CLUSTER_ROLES) {
      if (!this.#clusterRoles.has(role.name)) this.#addRole(builtinRole(role));
    }
    if (this.withDefaults) {
      for (const namespace of DEFAULT_NAMESPACES) this.namespaces.add(namespace);
      for (const role of DEFAULT_ROLES) {
        if (!this.#roles.has(`${role.namespace ?? ''}/${role.name}`)) this.#addRole(builtinRole(role));
      }
    }
    this.#aggregate();
    for (const object of objects) {
      if (isRbacObject(object, 'ClusterRoleBinding')) this.#addBinding(this.#readBinding(object, 'ClusterRoleBinding'));
      else if (isRbacObject(object, 'RoleBinding')) this.#addBinding(this.#readBinding(object, 'RoleBinding'));
    }
    if (this.withDefaults) {
      const present = new Set(this.bindings.map((b) => b.id));
      for (const binding of DEFAULT_BINDINGS) {
        const read = this.#builtinBinding(binding);
        if (!present.has(read.id)) this.#addBinding(read);
      }
    }
  }

  // ---------------------------------------------------------------- reading

  #readRole(object: K8sObject, kind: RoleKind): Role {
    const namespaced = kind === 'Role';
    const problems: Problem[] = [];
    const ownRules = asArray(object.value.rules).map((entry, index) => readRule(entry, ['rules', index]));
    ownRules.forEach((rule, index) => {
      for (const message of ruleProblems(rule, namespaced)) problems.push({ message, path: ['rules', index] });
    });
    let selectors: LabelSelector[] | undefined;
    const aggregationRule = object.value.aggregationRule;
    if (!namespaced && aggregationRule !== undefined && aggregationRule !== null) {
      selectors = [];
      const list = asArray(asObject(aggregationRule)?.clusterRoleSelectors);
      if (list.length === 0) {
        problems.push({
          message: 'aggregationRule needs at least one clusterRoleSelector',
          path: ['aggregationRule'],
        });
      }
      list.forEach((entry, index) => {
        const parsed = parseSelector(entry);
        if (parsed.ok) selectors?.push(parsed.selector);
        else problems.push({ message: parsed.problem, path: ['aggregationRule', 'clusterRoleSelectors', index] });
      });
    }
    if (object.name === '') problems.push({ message: 'metadata.name is required', path: ['metadata'] });
    return {
      kind,
      name: object.name,
      namespace: namespaced ? namespaceOf(object) : undefined,
      object,
      labels: object.labels,
      ownRules,
      rules: selectors ? [] : ownRules,
      ruleOrigins: [],
      selectors,
      problems,
      valid: problems.length === 0,
      builtin: false,
      id: namespaced ? `Role/${namespaceOf(object)}/${object.name}` : `ClusterRole/${object.name}`,
    };
  }

  #addRole(role: Role): void {
    this.roles.push(role);
    if (!role.valid) return;
    if (role.kind === 'ClusterRole') {
      if (!this.#clusterRoles.has(role.name)) this.#clusterRoles.set(role.name, role);
    } else {
      const key = `${role.namespace ?? ''}/${role.name}`;
      if (!this.#roles.has(key)) this.#roles.set(key, role);
    }
  }

  /** Resolves aggregated ClusterRoles to a fixed point, as the aggregation controller converges to. */
  #aggregate(): void {
    const clusterRoles = [...this.#clusterRoles.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const aggregated = clusterRoles.filter((role) => role.selectors !== undefined);
    if (aggregated.length === 0) return;
    // Which roles each selector picks is fixed (labels do not change); only rules propagate.
    const sources = new Map<Role, Role[]>();
    for (const role of aggregated) {
      const picked: Role[] = [];
      for (const selector of role.selectors ?? []) {
        for (const candidate of clusterRoles) {
          if (candidate !== role && selectorMatches(selector, candidate.labels)) picked.push(candidate);
        }
      }
      sources.set(role, picked);
    }
    for (let round = 0; round <= aggregated.length; round++) {
      let changed = false;
      for (const role of aggregated) {
        const seen = new Set<string>();
        const rules: SourcedRule[] = [];
        const origins: Role[] = [];
        for (const source of sources.get(role) ?? []) {
          source.rules.forEach((rule, index) => {
            const key = ruleKey(rule);
            if (seen.has(key)) return;
            seen.add(key);
            rules.push(rule);
            origins.push(source.ruleOrigins[index] ?? source);
          });
        }
        if (rules.length !== role.rules.length) changed = true;
        role.rules = rules;
        role.ruleOrigins = origins;
      }
      if (!changed) break;
    }
  }

  #readBinding(object: K8sObject, kind: BindingKind): Binding {
    const namespaced = kind === 'RoleBinding';
    const namespace = namespaced ? namespaceOf(object) : undefined;
    const problems: Problem[] = [];
    const ref = asObject(object.value.roleRef) ?? {};
    const roleRef = {
      kind: asString(ref.kind) ?? '',
      name: asString(ref.name) ?? '',
      apiGroup: asString(ref.apiGroup) ?? '',
    };
    if (asObject(object.value.roleRef) === undefined) problems.push({ message: 'roleRef is required', path: ['roleRef'] });
    else {
      if (roleRef.apiGroup !== '' && roleRef.apiGroup !== RBAC_GROUP) {
        problems.push({ message: `roleRef.apiGroup must be ${RBAC_GROUP}`, path: ['roleRef', 'apiGroup'] });
      }
      if (namespaced ? roleRef.kind !== 'Role' && roleRef.kind !== 'ClusterRole' : roleRef.kind !== 'ClusterRole') {
        problems.push({
          message: `roleRef.kind ${JSON.stringify(roleRef.kind)} is not supported: a ${kind} can reference ${namespaced ? 'a Role or a ClusterRole' : 'only a ClusterRole'}`,
          path: ['roleRef', 'kind'],
        });
      }
      if (roleRef.name === '') problems.push({ message: 'roleRef.name is required', path: ['roleRef'] });
    }
    const subjects: BindingSubject[] = [];
    asArray(object.value.subjects).forEach((entry, index) => {
      const subject = asObject(entry) ?? {};
      const path: Path = ['subjects', index];
      const subjectKind = asString(subject.kind) ?? '';
      const name = asString(subject.name) ?? '';
      const apiGroup = asString(subject.apiGroup) ?? '';
      const subjectNamespace = asString(subject.namespace) ?? '';
      if (name === '') {
        problems.push({ message: 'a subject needs a name', path });
        return;
      }
      if (subjectKind === 'ServiceAccount') {
        if (apiGroup !== '') {
          problems.push({ message: 'a ServiceAccount subject must have apiGroup ""', path: [...path, 'apiGroup'] });
          return;
        }
        const saNamespace = subjectNamespace !== '' ? subjectNamespace : (namespace ?? '');
        if (saNamespace === '') {
          problems.push({
            message: `ServiceAccount subject "${name}" has no namespace: in a ClusterRoleBinding it matches no one`,
            path,
          });
          return;
        }
        subjects.push({
          ref: { kind: 'ServiceAccount', name, namespace: saNamespace },
          index,
          username: serviceAccountUsername(saNamespace, name),
        });
      } else if (subjectKind === 'User' || subjectKind === 'Group') {
        if (apiGroup !== '' && apiGroup !== RBAC_GROUP) {
          problems.push({ message: `a ${subjectKind} subject must have apiGroup ${RBAC_GROUP}`, path: [...path, 'apiGroup'] });
          return;
        }
        if (subjectKind === 'User') subjects.push({ ref: { kind: 'User', name }, index, username: name });
        else subjects.push({ ref: { kind: 'Group', name }, index, group: name });
      } else {
        problems.push({
          message: `subject kind ${JSON.stringify(subjectKind)} is not supported (User, Group or ServiceAccount; kinds are case-sensitive)`,
          path: [...path, 'kind'],
        });
      }
    });
    if (object.name === '') problems.push({ message: 'metadata.name is required', path: ['metadata'] });
    const refValid = !problems.some((p) => p.path[0] === 'roleRef' || p.path[0] === 'metadata');
    const binding: Binding = {
      kind,
      name: object.name,
      namespace,
      object,
      roleRef,
      role: undefined,
      subjects,
      problems,
      valid: problems.length === 0,
      builtin: false,
      id: namespaced ? `RoleBinding/${namespace}/${object.name}` : `ClusterRoleBinding/${object.name}`,
      roleId: `${roleRef.kind}/${roleRef.name}`,
    };
    // The API server rejects an invalid binding as a whole; it grants nothing.
    if (refValid && binding.valid) binding.role = this.resolveRoleRef(roleRef.kind, roleRef.name, namespace);
    return binding;
  }

  #builtinBinding(data: DefaultBinding): Binding {
    const namespace = data.namespace;
    const subjects: BindingSubject[] = data.subjects.map((s, index) => {
      if (s.kind === 'ServiceAccount') {
        const ns = s.namespace ?? namespace ?? DEFAULT_NAMESPACE;
        return {
          ref: { kind: 'ServiceAccount', name: s.name, namespace: ns },
          index,
          username: serviceAccountUsername(ns, s.name),
        };
      }
      return s.kind === 'User'
        ? { ref: { kind: 'User', name: s.name }, index, username: s.name }
        : { ref: { kind: 'Group', name: s.name }, index, group: s.name };
    });
    return {
      kind: data.kind,
      name: data.name,
      namespace,
      object: undefined,
      roleRef: { kind: data.roleRef.kind, name: data.roleRef.name, apiGroup: RBAC_GROUP },
      role: this.resolveRoleRef(data.roleRef.kind, data.roleRef.name, namespace),
      subjects,
      problems: [],
      valid: true,
      builtin: true,
      id: namespace ? `${data.kind}/${namespace}/${data.name}` : `${data.kind}/${data.name}`,
      roleId: `${data.roleRef.kind}/${data.roleRef.name}`,
    };
  }

  #addBinding(binding: Binding): void {
    this.#order.set(binding, this.bindings.length);
    this.bindings.push(binding);
    if (binding.kind === 'ClusterRoleBinding') this.#clusterBindings.push(binding);
    else {
      const namespace = binding.namespace ?? DEFAULT_NAMESPACE;
      this.namespaces.add(namespace);
      const list = this.#roleBindings.get(namespace);
      if (list) list.push(binding);
      else this.#roleBindings.set(namespace, [binding]);
    }
    for (const subject of binding.subjects) {
      if (subject.ref.kind === 'ServiceAccount' && subject.ref.namespace) this.namespaces.add(subject.ref.namespace);
      const key = subject.group !== undefined ? `group:${subject.group}` : `user:${subject.username ?? ''}`;
      const list = this.#bySubject.get(key);
      const entry = { binding, subject };
      if (list) list.push(entry);
      else this.#bySubject.set(key, [entry]);
    }
  }

  // ---------------------------------------------------------------- lookups

  /** The role a roleRef names, as GetRoleReferenceRules resolves it; undefined when missing or invalid. */
  resolveRoleRef(kind: string, name: string, bindingNamespace: string | undefined): Role | undefined {
    if (kind === 'ClusterRole') return this.#clusterRoles.get(name);
    if (kind === 'Role' && bindingNamespace !== undefined) return this.#roles.get(`${bindingNamespace}/${name}`);
    return undefined;
  }

  clusterRole(name: string): Role | undefined {
    return this.#clusterRoles.get(name);
  }

  role(namespace: string, name: string): Role | undefined {
    return this.#roles.get(`${namespace}/${name}`);
  }

  /** The valid Roles of a namespace. */
  rolesIn(namespace: string): Role[] {
    if (this.#rolesByNamespace === undefined) {
      const index = new Map<string, Role[]>();
      for (const role of this.#roles.values()) {
        const list = index.get(role.namespace ?? '') ?? [];
        list.push(role);
        index.set(role.namespace ?? '', list);
      }
      this.#rolesByNamespace = index;
    }
    return this.#rolesByNamespace.get(namespace) ?? [];
  }

  get clusterRoleBindings(): readonly Binding[] {
    return this.#clusterBindings;
  }

  roleBindingsIn(namespace: string): readonly Binding[] {
    return this.#roleBindings.get(namespace) ?? [];
  }

  /** Bindings that reference a role (directly), for scope decisions. */
  bindingsOf(role: Role): Binding[] {
    return this.bindings.filter((b) => b.role === role);
  }

  /**
   * Every binding subject that applies to a user, in the authorizer's order: ClusterRoleBindings
   * first, then RoleBindings of `namespace` ('' for none; '*' for every namespace).
   */
  grantsFor(user: UserInfo, namespace: string): Grant[] {
    const keys = [`user:${user.name}`, ...user.groups.map((g) => `group:${g}`)];
    const cluster: Grant[] = [];
    const local: Grant[] = [];
    const seen = new Set<Binding>();
    for (const key of keys) {
      for (const { binding, subject } of this.#bySubject.get(key) ?? []) {
        if (!binding.role || seen.has(binding)) continue;
        if (binding.kind === 'ClusterRoleBinding') cluster.push({ binding, role: binding.role, subject });
        else if (namespace === '*' || binding.namespace === namespace) local.push({ binding, role: binding.role, subject });
        else continue;
        seen.add(binding);
      }
    }
    const order = (a: Grant, b: Grant) => (this.#order.get(a.binding) ?? 0) - (this.#order.get(b.binding) ?? 0);
    if (cluster.length > 1) cluster.sort(order);
    if (local.length > 1) local.sort(order);
    return [...cluster, ...local];
  }

  /** The RBAC decision for a request, plus the API server's system:masters short-circuit. */
  authorize(user: UserInfo, request: Request): Decision {
    const namespace = request.kind === 'resource' ? request.namespace : '';
    for (const grant of this.grantsFor(user, namespace)) {
      for (const rule of grant.role.rules) {
        if (ruleAllows(rule, request)) {
          return { allowed: true, via: { binding: grant.binding, role: grant.role, rule, subject: grant.subject } };
        }
      }
    }
    if (user.groups.includes(MASTERS)) return { allowed: true, privileged: true };
    return { allowed: false };
  }

  /** Whether a role's effective rules allow a request (memoised per call site by the caller). */
  roleAllows(role: Role, request: Request): boolean {
    for (const rule of role.rules) if (ruleAllows(rule, request)) return true;
    return false;
  }

  /**
   * Every subject allowed to make the request and through which bindings. A namespaced request
   * considers ClusterRoleBindings and the RoleBindings of its namespace; with `allNamespaces`, the
   * RoleBindings of every namespace (the request's namespace is then set per binding).
   */
  whoCan(request: Request, options: { allNamespaces?: boolean } = {}): WhoCanEntry[] {
    const candidates: Binding[] = [...this.#clusterBindings];
    if (request.kind === 'resource') {
      if (options.allNamespaces) for (const list of this.#roleBindings.values()) candidates.push(...list);
      else if (request.namespace !== '') candidates.push(...this.roleBindingsIn(request.namespace));
    }
    const memo = new Map<Role, boolean>();
    const entries = new Map<string, WhoCanEntry>();
    for (const binding of candidates) {
      const role = binding.role;
      if (!role) continue;
      let allowed: boolean | undefined;
      if (binding.kind === 'RoleBinding' && options.allNamespaces && request.kind === 'resource') {
        allowed = this.roleAllows(role, { ...request, namespace: binding.namespace ?? '' });
      } else {
        allowed = memo.get(role);
        if (allowed === undefined) {
          allowed = this.roleAllows(role, request);
          memo.set(role, allowed);
        }
      }
      if (!allowed) continue;
      for (const subject of binding.subjects) {
        const key = subjectKey(subject.ref);
        let entry = entries.get(key);
        if (!entry) {
          entry = { subject: subject.ref, via: [] };
          entries.set(key, entry);
        }
        if (!entry.via.some((v) => v.binding === binding)) entry.via.push({ binding, role });
      }
    }
    return [...entries.values()].sort((a, b) => compareSubjects(a.subject, b.subject));
  }

  /** The rules that apply to a user, per scope: '' for cluster-wide, else a namespace. */
  permissions(user: UserInfo): Map<string, { rule: SourcedRule; grant: Grant }[]> {
    const out = new Map<string, { rule: SourcedRule; grant: Grant }[]>();
    for (const grant of this.grantsFor(user, '*')) {
      const scope = grant.binding.kind === 'ClusterRoleBinding' ? '' : (grant.binding.namespace ?? DEFAULT_NAMESPACE);
      let list = out.get(scope);
      if (!list) {
        list = [];
        out.set(scope, list);
      }
      for (const rule of grant.role.rules) list.push({ rule, grant });
    }
    return out;
  }
}

function builtinRole(data: DefaultRole): Role {
  const selectors = data.aggregate?.map((labels) => ({
    requirements: Object.entries(labels).map(([key, value]) => ({ key, operator: 'In' as const, values: [value] })),
  }));
  return {
    kind: data.kind,
    name: data.name,
    namespace: data.namespace,
    object: undefined,
    labels: data.labels ?? {},
    ownRules: [...data.rules],
    rules: selectors ? [] : [...data.rules],
    ruleOrigins: [],
    selectors,
    problems: [],
    valid: true,
    builtin: true,
    id: data.kind === 'Role' ? `Role/${data.namespace ?? ''}/${data.name}` : `ClusterRole/${data.name}`,
  };
}

const KIND_ORDER: Readonly<Record<string, number>> = lookupTable({ User: 0, Group: 1, ServiceAccount: 2 });

export function compareSubjects(a: SubjectRef, b: SubjectRef): number {
  const ka = KIND_ORDER[a.kind] ?? 3;
  const kb = KIND_ORDER[b.kind] ?? 3;
  if (ka !== kb) return ka - kb;
  const na = a.namespace ?? '';
  const nb = b.namespace ?? '';
  if (na !== nb) return na < nb ? -1 : 1;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** Rules that grant everything on every resource: `*` verbs, `*` apiGroups, `*` resources. */
export function isSuperRule(rule: PolicyRule): boolean {
  return (
    rule.verbs.includes('*') && rule.apiGroups.includes('*') && rule.resources.includes('*') && rule.resourceNames.length === 0
  );
}

/** The model of a set, built once per scan and shared by rules and queries. */
export function rbacModel(set: ObjectSet, options: RbacModelOptions = {}): RbacModel {
  const key = options.withDefaults ? 'rbac+defaults' : 'rbac';
  return set.analysis(key, (s) => new RbacModel(s, options));
}
