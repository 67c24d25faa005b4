/**
 * The API server's audit Policy (`audit.k8s.io/v1`), evaluated as the API server evaluates it: the
 * first rule that matches a request decides its level, and a request no rule matches is not logged
 * (level None). Rules match on users, groups, verbs, resources (with `*`, `pods/*` and `*\/status`
 * patterns), namespaces and non-resource URLs; every criterion a rule names must match.
 */
import type { Path } from '../../sources/yaml.js';
import { asArray, asObject, asString, type K8sObject } from '../k8s.js';

export type AuditLevel = 'None' | 'Metadata' | 'Request' | 'RequestResponse';
const LEVELS: readonly AuditLevel[] = ['None', 'Metadata', 'Request', 'RequestResponse'];

export function levelAtLeast(level: AuditLevel, minimum: AuditLevel): boolean {
  return LEVELS.indexOf(level) >= LEVELS.indexOf(minimum);
}

export interface AuditRequest {
  user: string;
  groups: readonly string[];
  verb: string;
  /** API group ('' for core), resource and optional subresource. */
  group: string;
  resource: string;
  subresource?: string;
  namespace: string;
}

export interface AuditDecision {
  level: AuditLevel;
  /** The index of the deciding rule, or undefined when none matched. */
  rule: number | undefined;
  /** Path of the deciding rule's level (or of `rules` when none matched). */
  path: Path;
}

function strings(value: unknown): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  return asArray(value).map((v) => String(v));
}

function resourceMatches(patterns: readonly string[], resource: string, subresource: string | undefined): boolean {
  const full = subresource ? `${resource}/${subresource}` : resource;
  return patterns.some((p) => {
    if (p === '*') return true;
    if (p === full) return true;
    if (subresource && p === `${resource}/*`) return true;
    if (subresource && p === `*/${subresource}`) return true;
    return false;
  });
}

export class AuditPolicy {
  readonly object: K8sObject;

  constructor(object: K8sObject) {
    this.object = object;
  }

  static is(object: K8sObject): boolean {
    return object.kind === 'Policy' && object.group === 'audit.k8s.io';
  }

  get rules(): unknown[] {
    return asArray(this.object.get(['rules']));
  }

  decide(request: AuditRequest): AuditDecision {
    const rules = this.rules;
    for (let i = 0; i < rules.length; i++) {
      const rule = asObject(rules[i]);
      if (!rule || !this.matches(rule, request)) continue;
      const level = asString(rule.level);
      return {
        level: level && (LEVELS as readonly string[]).includes(level) ? (level as AuditLevel) : 'None',
        rule: i,
        path: ['rules', i, 'level'],
      };
    }
    return { level: 'None', rule: undefined, path: ['rules'] };
  }

  private matches(rule: Record<string, unknown>, request: AuditRequest): boolean {
    const users = strings(rule.users);
    if (users && users.length > 0 && !users.includes(request.user)) return false;
    const groups = strings(rule.userGroups);
    if (groups && groups.length > 0 && !groups.some((g) => request.groups.includes(g))) return false;
    const verbs = strings(rule.verbs);
    if (verbs && verbs.length > 0 && !verbs.includes(request.verb)) return false;
    const nonResource = strings(rule.nonResourceURLs);
    const resources = asArray(rule.resources);
    // A rule about non-resource URLs never matches a resource request.
    if (nonResource && nonResource.length > 0 && resources.length === 0) return false;
    const namespaces = strings(rule.namespaces);
    if (namespaces && namespaces.length > 0 && !namespaces.includes(request.namespace)) return false;
    if (resources.length === 0) return true;
    return resources.some((entry) => {
      const gr = asObject(entry);
      if (!gr) return false;
      const group = gr.group === undefined || gr.group === null ? '' : String(gr.group);
      if (group !== request.group && group !== '*') return false;
      const names = strings(gr.resources);
      if (names && names.length > 0 && !resourceMatches(names, request.resource, request.subresource)) return false;
      const resourceNames = strings(gr.resourceNames);
      // A rule limited to named objects does not decide for every object.
      return !resourceNames || resourceNames.length === 0;
    });
  }
}

/** An ordinary authenticated user, not matched by rules aimed at system components. */
export const ORDINARY_USER = { user: 'alice@example.com', groups: ['developers', 'system:authenticated'] };
