/**
 * Label selectors (`matchLabels` and `matchExpressions`) as metav1.LabelSelectorAsSelector reads
 * them for ClusterRole aggregation: an empty selector matches every ClusterRole, requirements are
 * ANDed, `In`/`NotIn` need values, `Exists`/`DoesNotExist` must have none.
 */
import { asArray, asObject, isObject } from '../../model/k8s.js';

interface Requirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  values: string[];
}

export interface LabelSelector {
  requirements: Requirement[];
}

export type SelectorResult = { ok: true; selector: LabelSelector } | { ok: false; problem: string };

export function parseSelector(value: unknown): SelectorResult {
  if (value !== null && value !== undefined && !isObject(value)) return { ok: false, problem: 'a selector must be a map' };
  const object = asObject(value) ?? {};
  const requirements: Requirement[] = [];
  const matchLabels = object.matchLabels;
  if (matchLabels !== undefined && matchLabels !== null) {
    if (!isObject(matchLabels)) return { ok: false, problem: 'matchLabels must be a map' };
    for (const [key, raw] of Object.entries(matchLabels)) {
      if (typeof raw !== 'string') return { ok: false, problem: `matchLabels value for "${key}" must be a string` };
      requirements.push({ key, operator: 'In', values: [raw] });
    }
  }
  for (const entry of asArray(object.matchExpressions)) {
    const expression = asObject(entry);
    const key = expression?.key;
    const operator = expression?.operator;
    const values = asArray(expression?.values).filter((v): v is string => typeof v === 'string');
    if (typeof key !== 'string' || key === '') return { ok: false, problem: 'a matchExpression needs a key' };
    if (operator === 'In' || operator === 'NotIn') {
      if (values.length === 0) return { ok: false, problem: `operator ${operator} on "${key}" needs at least one value` };
      requirements.push({ key, operator, values });
    } else if (operator === 'Exists' || operator === 'DoesNotExist') {
      if (values.length > 0) return { ok: false, problem: `operator ${operator} on "${key}" must not have values` };
      requirements.push({ key, operator, values: [] });
    } else {
      return { ok: false, problem: `unknown selector operator ${JSON.stringify(operator)} on "${key}"` };
    }
  }
  return { ok: true, selector: { requirements } };
}

export function selectorMatches(selector: LabelSelector, labels: Readonly<Record<string, string>>): boolean {
  for (const requirement of selector.requirements) {
    const has = Object.hasOwn(labels, requirement.key);
    const value = has ? labels[requirement.key] : undefined;
    switch (requirement.operator) {
      case 'In':
        if (!has || value === undefined || !requirement.values.includes(value)) return false;
        break;
      case 'NotIn':
        if (has && value !== undefined && requirement.values.includes(value)) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
    }
  }
  return true;
}
