/**
 * Where dangerous permissions are granted, for the rbac/* risk rules: the rule line of a Role or
 * ClusterRole in the input that names the resource, or the roleRef of a binding to a default
 * role (whose rules are not in the input). The scope decides the severity: a grant bound by a
 * ClusterRoleBinding (directly, or through a ClusterRole that aggregates it) applies to the
 * whole cluster; one bound only by RoleBindings, or written in a Role, to single namespaces.
 */
import type { Severity } from '../../core/severity.js';
import type { K8sObject } from '../../model/k8s.js';
import type { ObjectSet } from '../../model/object-set.js';
import type { Path } from '../../sources/yaml.js';
import type { Binding, RbacModel, Role } from './model.js';
import { rbacModel } from './model.js';
import type { PolicyRule } from './policy.js';

export type Scope = 'cluster' | 'namespace' | 'unbound';

export interface GrantSpec {
  /** The verbs that make the grant dangerous (a rule with `*` verbs has them all). */
  verbs: readonly string[];
  /** `[apiGroup, resource]` pairs; resource may be `resource/subresource`. */
  targets: readonly (readonly [string, string])[];
  /** The resource is cluster-scoped: a Role or a RoleBinding grants nothing on it. */
  clusterOnly?: boolean;
  /** Rules limited by resourceNames do not count. */
  skipNamed?: boolean;
  severity: { cluster: Severity; namespace: Severity };
}

export interface GrantSite {
  on: K8sObject;
  path: Path;
  scope: Scope;
  severity: Severity;
  /** `ClusterRole x` or `RoleBinding ns/y to ClusterRole edit`. */
  holder: string;
  /** The verbs and resources granted, e.g. `list, watch on secrets`. */
  what: string;
  /** Where it applies, in words. */
  where: string;
  role: Role;
  rule: PolicyRule;
}

export function settingsModel(set: ObjectSet, withDefaults: boolean): RbacModel {
  return rbacModel(set, { withDefaults });
}

interface ScopeInfo {
  scope: Scope;
  where: string;
}

const scopeCache = new WeakMap<RbacModel, Map<Role, ScopeInfo>>();

/** Where a role's rules apply, counting the ClusterRoles that aggregate it. */
export function roleScope(model: RbacModel, role: Role): ScopeInfo {
  let cache = scopeCache.get(model);
  if (!cache) {
    cache = buildScopes(model);
    scopeCache.set(model, cache);
  }
  const known = cache.get(role);
  if (known) return known;
  if (role.kind === 'Role') return { scope: 'namespace', where: `in namespace ${role.namespace ?? ''}` };
  return { scope: 'unbound', where: 'not bound by any binding in the scanned files' };
}

function buildScopes(model: RbacModel): Map<Role, ScopeInfo> {
  const clusterBound = new Map<Role, string>();
  const namespaceBound = new Map<Role, Set<string>>();
  for (const binding of model.bindings) {
    const role = binding.role;
    if (!role) continue;
    // An aggregated ClusterRole passes its bindings on to the roles it collects rules from.
    const targets = new Set<Role>([role, ...role.ruleOrigins]);
    for (const target of targets) {
      if (binding.kind === 'ClusterRoleBinding') {
        if (!clusterBound.has(target)) clusterBound.set(target, binding.id);
      } else {
        const set = namespaceBound.get(target) ?? new Set<string>();
        set.add(binding.namespace ?? '');
        namespaceBound.set(target, set);
      }
    }
  }
  const out = new Map<Role, ScopeInfo>();
  for (const role of model.roles) {
    if (role.kind === 'Role') {
      out.set(role, { scope: 'namespace', where: `in namespace ${role.namespace ?? ''}` });
      continue;
    }
    const cluster = clusterBound.get(role);
    if (cluster) out.set(role, { scope: 'cluster', where: `cluster-wide through ${cluster}` });
    else {
      const namespaces = namespaceBound.get(role);
      if (namespaces) {
        const list = [...namespaces].sort();
        const shown = list.length > 3 ? `${list.slice(0, 3).join(', ')} and ${list.length - 3} more` : list.join(', ');
        out.set(role, { scope: 'namespace', where: `in namespace${list.length === 1 ? '' : 's'} ${shown} through RoleBindings` });
      } else out.set(role, { scope: 'unbound', where: 'not bound by any binding in the scanned files' });
    }
  }
  return out;
}

/** The verbs of a rule that the spec cares about (`*` counts as all of them). */
function matchedVerbs(rule: PolicyRule, verbs: readonly string[]): string[] {
  if (rule.verbs.includes('*')) return ['*'];
  return verbs.filter((v) => rule.verbs.includes(v));
}

/** Index of the resource entry that names a target explicitly (not through `*`), or -1. */
function explicitResource(rule: PolicyRule, group: string, resource: string): number {
  if (!rule.apiGroups.includes('*') && !rule.apiGroups.includes(group)) return -1;
  const slash = resource.indexOf('/');
  const sub = slash === -1 ? '' : resource.slice(slash + 1);
  return rule.resources.findIndex((r) => r === resource || (sub !== '' && r === `*/${sub}`));
}

function describeTarget(group: string, resource: string): string {
  return group === '' ? resource : `${resource}.${group}`;
}

/** Every place in the input that grants what the spec describes. */
export function grantSites(set: ObjectSet, withDefaults: boolean, spec: GrantSpec): GrantSite[] {
  const model = settingsModel(set, withDefaults);
  const out: GrantSite[] = [];
  const check = (rule: PolicyRule): { resourceIndex: number; what: string } | undefined => {
    if (spec.skipNamed && rule.resourceNames.length > 0) return undefined;
    const verbs = matchedVerbs(rule, spec.verbs);
    if (verbs.length === 0) return undefined;
    const names: string[] = [];
    let first = -1;
    for (const [group, resource] of spec.targets) {
      const index = explicitResource(rule, group, resource);
      if (index === -1) continue;
      if (first === -1 || index < first) first = index;
      names.push(describeTarget(group, resource));
    }
    if (first === -1) return undefined;
    const named = rule.resourceNames.length > 0 ? ` (only ${rule.resourceNames.join(', ')})` : '';
    return { resourceIndex: first, what: `${verbs.join(', ')} on ${names.join(', ')}${named}` };
  };
  for (const role of model.roles) {
    if (!role.object) continue;
    if (spec.clusterOnly && role.kind === 'Role') continue;
    const info = roleScope(model, role);
    if (spec.clusterOnly && info.scope === 'namespace') continue;
    role.ownRules.forEach((rule, index) => {
      const hit = check(rule);
      if (!hit || !role.object) return;
      out.push({
        on: role.object,
        path: ['rules', index, 'resources', hit.resourceIndex],
        scope: info.scope,
        severity: info.scope === 'cluster' ? spec.severity.cluster : spec.severity.namespace,
        holder: `${role.kind} ${role.namespace ? `${role.namespace}/` : ''}${role.name}`,
        what: hit.what,
        where: info.where,
        role,
        rule,
      });
    });
  }
  for (const binding of model.bindings) {
    const site = bindingSite(binding, spec, check);
    if (site) out.push(site);
  }
  return out;
}

/** A binding to a default role, whose rules are not in the input: the finding goes on the roleRef. */
function bindingSite(
  binding: Binding,
  spec: GrantSpec,
  check: (rule: PolicyRule) => { resourceIndex: number; what: string } | undefined,
): GrantSite | undefined {
  const role = binding.role;
  if (!binding.object || !role?.builtin) return undefined;
  if (spec.clusterOnly && binding.kind === 'RoleBinding') return undefined;
  for (const rule of role.rules) {
    const hit = check(rule);
    if (!hit) continue;
    const cluster = binding.kind === 'ClusterRoleBinding';
    return {
      on: binding.object,
      path: ['roleRef', 'name'],
      scope: cluster ? 'cluster' : 'namespace',
      severity: cluster ? spec.severity.cluster : spec.severity.namespace,
      holder: `${binding.kind} ${binding.namespace ? `${binding.namespace}/` : ''}${binding.name} to the default ${role.kind} ${role.name}`,
      what: hit.what,
      where: cluster ? 'cluster-wide' : `in namespace ${binding.namespace ?? ''}`,
      role,
      rule,
    };
  }
  return undefined;
}
