/**
 * The RBAC queries of the library API and the `greenbelt rbac` command, with their JSON shapes:
 * who-can, can-i and permissions.
 */
import { describeSubject, impersonatedUser, type SubjectRef, userOfSubject } from './identity.js';
import type { Binding, RbacModel, Role } from './model.js';
import { describeRule, type PolicyRule, type Request } from './policy.js';

export interface ViaJson {
  binding: string;
  role: string;
}

export interface WhoCanJson {
  kind: SubjectRef['kind'];
  name: string;
  namespace?: string;
  via: ViaJson[];
}

export function viaJson(binding: Binding): ViaJson {
  return { binding: binding.id, role: binding.roleId };
}

/** `greenbelt rbac who-can`: every subject allowed, with the bindings and roles that allow it. */
export function whoCan(model: RbacModel, request: Request, options: { allNamespaces?: boolean } = {}): WhoCanJson[] {
  return model.whoCan(request, options).map((entry) => ({
    kind: entry.subject.kind,
    name: entry.subject.name,
    ...(entry.subject.namespace !== undefined ? { namespace: entry.subject.namespace } : {}),
    via: entry.via.map((v) => viaJson(v.binding)),
  }));
}

export interface CanIJson {
  allowed: boolean;
  user: string;
  groups: string[];
  /** What allowed it: the binding, its role and the matching rule. */
  via?: ViaJson & { rule: PolicyRule; ruleText: string };
  reason: string;
}

/** `greenbelt rbac can-i --as USER --as-group G`: the decision for the impersonated user. */
export function canI(model: RbacModel, as: string, asGroups: readonly string[], request: Request): CanIJson {
  const user = impersonatedUser(as, asGroups);
  const decision = model.authorize(user, request);
  const base = { allowed: decision.allowed, user: user.name, groups: user.groups };
  if (decision.via) {
    const { binding, role, rule } = decision.via;
    const plain: PolicyRule = {
      verbs: rule.verbs,
      apiGroups: rule.apiGroups,
      resources: rule.resources,
      resourceNames: rule.resourceNames,
      nonResourceURLs: rule.nonResourceURLs,
    };
    return {
      ...base,
      via: { ...viaJson(binding), rule: plain, ruleText: describeRule(rule) },
      reason: `allowed by ${binding.id} (${roleLabel(role)}): ${describeRule(rule)}`,
    };
  }
  if (decision.privileged) return { ...base, reason: 'allowed: system:masters is authorized before RBAC' };
  return { ...base, reason: 'no RBAC rule allows it' };
}

function roleLabel(role: Role): string {
  return role.builtin ? `${role.kind}/${role.name}, a default role` : `${role.kind}/${role.name}`;
}

export interface PermissionRowJson {
  verbs: readonly string[];
  apiGroups: readonly string[];
  resources: readonly string[];
  resourceNames: readonly string[];
  nonResourceURLs: readonly string[];
  via: ViaJson;
}

export interface PermissionsJson {
  subject: { kind: SubjectRef['kind']; name: string; namespace?: string };
  user: string;
  groups: string[];
  /** Rules that apply in every namespace and to cluster-scoped resources. */
  cluster: PermissionRowJson[];
  /** Rules that apply only in one namespace (from RoleBindings), by namespace. */
  namespaces: Record<string, PermissionRowJson[]>;
}

/** `greenbelt rbac permissions SUBJECT`: the effective rules of a subject, per namespace. */
export function permissionsOf(model: RbacModel, subject: SubjectRef): PermissionsJson {
  const user = userOfSubject(subject);
  const table = model.permissions(user);
  const row = (entry: { rule: PolicyRule; grant: { binding: Binding } }): PermissionRowJson => ({
    verbs: entry.rule.verbs,
    apiGroups: entry.rule.apiGroups,
    resources: entry.rule.resources,
    resourceNames: entry.rule.resourceNames,
    nonResourceURLs: entry.rule.nonResourceURLs,
    via: viaJson(entry.grant.binding),
  });
  const namespaces: Record<string, PermissionRowJson[]> = {};
  for (const namespace of [...table.keys()].filter((k) => k !== '').sort()) {
    namespaces[namespace] = (table.get(namespace) ?? []).map(row);
  }
  return {
    subject: {
      kind: subject.kind,
      name: subject.name,
      ...(subject.namespace !== undefined ? { namespace: subject.namespace } : {}),
    },
    user: user.name,
    groups: user.groups,
    cluster: (table.get('') ?? []).map(row),
    namespaces,
  };
}

export { describeSubject };
