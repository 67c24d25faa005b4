/**
 * Shared by the `pss/*` rules: one Pod Security Standards evaluation per workload and setting,
 * reused by all 19 rules, and the rule shape they have in common (one finding per offending field,
 * at the exact field path, active only at the levels the check belongs to).
 */
import type { Severity } from '../../core/severity.js';
import type { Settings } from '../../engine/settings.js';
import type { Workload } from '../../model/workload.js';
import { evaluateWorkload } from '../../pss/evaluate.js';
import { findCheck } from '../../pss/registry.js';
import type { CheckId, PssResult, Violation, ViolationField } from '../../pss/types.js';
import { defineRule, type Rule, type RuleMeta } from '../types.js';

/**
 * The last evaluation made, by its workload view: the engine runs every rule of a target on one
 * subject before the next, so the 19 rules ask for the same workload in a row, and an evaluation
 * is dropped as soon as the next workload is evaluated (or its view is dropped). Asked in another
 * order, a workload is evaluated again, with the same result.
 */
let last = new WeakMap<Workload, { level: string; version: string; result: PssResult }>();

/** The workload's evaluation at the configured level and version. */
export function pssResultFor(workload: Workload, settings: Settings): PssResult {
  const { level, version } = settings.pss;
  const known = last.get(workload);
  if (known !== undefined && known.level === level && known.version === version) return known.result;
  const result = evaluateWorkload(workload, { level, version });
  last = new WeakMap([[workload, { level, version, result }]]);
  return result;
}

/** `Container "web"`, `Init container "setup"`, `The pod`, `Volume "data"`. */
export function who(field: ViolationField): string {
  if (field.subject === 'pod') return 'The pod';
  return field.subject.charAt(0).toUpperCase() + field.subject.slice(1);
}

export function show(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

export interface PssRuleSpec {
  check: CheckId;
  meta: RuleMeta;
  /** The finding's message for one offending field. */
  message(field: ViolationField, violation: Violation): string;
  /** A severity for this field that differs from the rule's default. */
  severity?(field: ViolationField): Severity | undefined;
}

export function definePssRule(spec: PssRuleSpec): Rule<'workload'> {
  const check = findCheck(spec.check);
  if (!check) throw new Error(`unknown Pod Security Standards check ${spec.check}`);
  return defineRule({
    target: 'workload',
    meta: spec.meta,
    // Restricted-only checks are off when the configured level is baseline.
    ...(check.level === 'restricted' ? { isActive: (settings: Settings) => settings.pss.level === 'restricted' } : {}),
    check(workload, context) {
      const { level, version } = context.settings.pss;
      for (const violation of pssResultFor(workload, context.settings).violations) {
        if (violation.check !== spec.check) continue;
        for (const field of violation.fields) {
          const severity = spec.severity?.(field);
          context.report({
            path: field.path,
            message: spec.message(field, violation),
            evidence: [
              `Pod Security Admission (${level}, ${version}) ${violation.check}: ${violation.reason} (${violation.detail})`,
            ],
            ...(severity ? { severity } : {}),
          });
        }
      }
    },
  });
}
