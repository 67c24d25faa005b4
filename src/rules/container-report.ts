/**
 * Reports the issues of the shared container checks (analyzers/container-checks.ts) through a rule
 * context: compose findings point at YAML paths, docker-run findings at source ranges.
 */
import type { Issue } from '../analyzers/container-checks.js';
import type { Locatable, RuleContext } from './types.js';

export function reportIssues(
  context: RuleContext,
  issues: readonly Issue[],
  options: { on?: Locatable; keyPrefix?: string } = {},
): void {
  for (const issue of issues) {
    context.report({
      message: issue.message,
      ...(options.on ? { on: options.on } : {}),
      ...(issue.at.path ? { path: issue.at.path } : {}),
      ...(issue.at.range ? { range: issue.at.range } : {}),
      ...(issue.severity ? { severity: issue.severity } : {}),
      ...(issue.key !== undefined ? { key: `${options.keyPrefix ?? ''}${issue.key}` } : {}),
    });
  }
}
