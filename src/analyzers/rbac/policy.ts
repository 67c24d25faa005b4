/**
 * Policy rules and requests with the RBAC authorizer's matching semantics: exact string
 * comparison everywhere, `*` as "everything" in verbs, apiGroups, resources and nonResourceURLs,
 * `*\/sub` matching a subresource of any resource, `resourceNames` restricting by object name
 * (an empty request name never matches a non-empty list), and a trailing `*` in a
 * nonResourceURL matching every path with that prefix.
 */
import { asArray, isObject } from '../../model/k8s.js';
import type { Path } from '../../sources/yaml.js';

export interface PolicyRule {
  verbs: readonly string[];
  apiGroups: readonly string[];
  resources: readonly string[];
  resourceNames: readonly string[];
  nonResourceURLs: readonly string[];
}

/** A rule and where it is written (its object and the path of the rule entry), for evidence. */
export interface SourcedRule extends PolicyRule {
  /** Path of the rule entry inside its role object (`['rules', 3]`), undefined for built-in data. */
  path?: Path;
}

/** An API request as the authorizer sees it. */
export type Request = ResourceRequest | NonResourceRequest;

export interface ResourceRequest {
  kind: 'resource';
  verb: string;
  group: string;
  resource: string;
  subresource: string;
  /** Object name; '' when the request names none (list, create without a name). */
  name: string;
  /** '' for cluster-scoped requests and requests across all namespaces. */
  namespace: string;
}

export interface NonResourceRequest {
  kind: 'nonresource';
  verb: string;
  path: string;
}

export function resourceRequest(
  verb: string,
  group: string,
  resource: string,
  options: { subresource?: string; name?: string; namespace?: string } = {},
): ResourceRequest {
  return {
    kind: 'resource',
    verb,
    group,
    resource,
    subresource: options.subresource ?? '',
    name: options.name ?? '',
    namespace: options.namespace ?? '',
  };
}

/** Strings of a YAML list, skipping what is not a string (the API server would reject it). */
function strings(value: unknown): string[] {
  const out: string[] = [];
  for (const item of asArray(value)) if (typeof item === 'string') out.push(item);
  return out;
}

export function readRule(value: unknown, path?: Path): SourcedRule {
  const rule = isObject(value) ? value : {};
  return {
    verbs: strings(rule.verbs),
    apiGroups: strings(rule.apiGroups),
    resources: strings(rule.resources),
    resourceNames: strings(rule.resourceNames),
    nonResourceURLs: strings(rule.nonResourceURLs),
    ...(path ? { path } : {}),
  };
}

export function verbMatches(rule: PolicyRule, verb: string): boolean {
  for (const v of rule.verbs) if (v === '*' || v === verb) return true;
  return false;
}

export function apiGroupMatches(rule: PolicyRule, group: string): boolean {
  for (const g of rule.apiGroups) if (g === '*' || g === group) return true;
  return false;
}

/** `combined` is `resource` or `resource/subresource`. */
export function resourceMatches(rule: PolicyRule, combined: string, subresource: string): boolean {
  for (const r of rule.resources) {
    if (r === '*' || r === combined) return true;
    if (subresource !== '' && r.length === subresource.length + 2 && r.startsWith('*/') && r.endsWith(subresource)) return true;
  }
  return false;
}

export function resourceNameMatches(rule: PolicyRule, name: string): boolean {
  if (rule.resourceNames.length === 0) return true;
  for (const n of rule.resourceNames) if (n === name) return true;
  return false;
}

export function nonResourceURLMatches(rule: PolicyRule, path: string): boolean {
  for (const url of rule.nonResourceURLs) {
    if (url === '*' || url === path) return true;
    if (url.endsWith('*') && path.startsWith(url.replace(/\*+$/, ''))) return true;
  }
  return false;
}

export function combinedResource(request: ResourceRequest): string {
  return request.subresource === '' ? request.resource : `${request.resource}/${request.subresource}`;
}

export function ruleAllows(rule: PolicyRule, request: Request): boolean {
  if (request.kind === 'resource') {
    return (
      verbMatches(rule, request.verb) &&
      apiGroupMatches(rule, request.group) &&
      resourceMatches(rule, combinedResource(request), request.subresource) &&
      resourceNameMatches(rule, request.name)
    );
  }
  return verbMatches(rule, request.verb) && nonResourceURLMatches(rule, request.path);
}

export function rulesAllow(rules: readonly PolicyRule[], request: Request): boolean {
  for (const rule of rules) if (ruleAllows(rule, request)) return true;
  return false;
}

/**
 * Problems the API server's validation reports for a rule (the object would be rejected).
 * `namespaced` is true for Role rules.
 */
export function ruleProblems(rule: PolicyRule, namespaced: boolean): string[] {
  const out: string[] = [];
  if (rule.verbs.length === 0) out.push('verbs must contain at least one value');
  if (rule.nonResourceURLs.length > 0) {
    if (namespaced) out.push('a Role cannot grant nonResourceURLs (only a ClusterRole can)');
    if (rule.apiGroups.length > 0 || rule.resources.length > 0 || rule.resourceNames.length > 0) {
      out.push('a rule cannot apply to both resources and nonResourceURLs');
    }
    return out;
  }
  if (rule.apiGroups.length === 0) out.push('a resource rule must list at least one apiGroup ("" is the core group)');
  if (rule.resources.length === 0) out.push('a resource rule must list at least one resource');
  return out;
}

/** A stable key for a rule, equal for rules that are semantically equal (as aggregation compares them). */
export function ruleKey(rule: PolicyRule): string {
  return JSON.stringify([rule.verbs, rule.apiGroups, rule.resources, rule.resourceNames, rule.nonResourceURLs]);
}

/** `get,list pods.apps/x` style one-line description of a rule, for messages and tables. */
export function describeRule(rule: PolicyRule): string {
  const verbs = rule.verbs.join(',');
  if (rule.nonResourceURLs.length > 0) return `${verbs} ${rule.nonResourceURLs.join(',')}`;
  const groups = rule.apiGroups.map((g) => (g === '' ? 'core' : g)).join(',');
  const names = rule.resourceNames.length > 0 ? ` [${rule.resourceNames.join(',')}]` : '';
  return `${verbs} ${rule.resources.join(',')} (${groups})${names}`;
}

/** `get pods/exec.apps named x in ns` style description of a request. */
export function describeRequest(request: Request): string {
  if (request.kind === 'nonresource') return `${request.verb} ${request.path}`;
  const group = request.group === '' ? '' : `.${request.group}`;
  const sub = request.subresource === '' ? '' : `/${request.subresource}`;
  const name = request.name === '' ? '' : ` named "${request.name}"`;
  const where = request.namespace === '' ? ' cluster-wide' : ` in namespace ${request.namespace}`;
  return `${request.verb} ${request.resource}${group}${sub}${name}${where}`;
}
