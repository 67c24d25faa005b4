/**
 * Shared reporting for the rbac/* grant rules: every place in the input that grants what a spec
 * describes, reported on the rule's resource line (or a binding's roleRef), graded by scope.
 */
import { type GrantSite, type GrantSpec, grantSites } from '../../analyzers/rbac/risk.js';
import type { ObjectSet } from '../../model/object-set.js';
import type { RuleContext } from '../types.js';

export function reportGrants(
  set: ObjectSet,
  context: RuleContext,
  specs: readonly GrantSpec[],
  message: (site: GrantSite) => string,
): void {
  const seen = new Map<object, Set<string>>();
  for (const spec of specs) {
    for (const site of grantSites(set, context.settings.rbac.withDefaults, spec)) {
      const paths = seen.get(site.on) ?? new Set<string>();
      const key = site.path.join('/');
      if (paths.has(key)) continue;
      paths.add(key);
      seen.set(site.on, paths);
      context.report({ on: site.on, path: site.path, severity: site.severity, message: message(site) });
    }
  }
}

/** `apiVersion/kind` header of RBAC example snippets. */
export const RBAC_API = 'rbac.authorization.k8s.io/v1';
