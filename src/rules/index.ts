/**
 * The rule registry: every rule, from the per-target lists. Docs, the rule catalogue and the
 * SARIF rule table are generated from this list.
 */
import { composeRules } from './compose/index.js';
import { daemonRules } from './daemon/index.js';
import { dockerRunRules } from './docker-run/index.js';
import { dockerfileRules } from './dockerfile/index.js';
import { k8sRules } from './k8s/index.js';
import { metaRules } from './meta/index.js';
import type { AnyRule } from './types.js';

export const allRules: readonly AnyRule[] = [
  ...k8sRules,
  ...dockerfileRules,
  ...composeRules,
  ...dockerRunRules,
  ...daemonRules,
  ...metaRules,
];

export function findRule(id: string, rules: readonly AnyRule[] = allRules): AnyRule | undefined {
  return rules.find((rule) => rule.meta.id === id) ?? rules.find((rule) => rule.meta.aliases?.includes(id));
}
