/**
 * Kubernetes label selectors (`matchLabels` and `matchExpressions` with In, NotIn, Exists,
 * DoesNotExist), validated as the API server validates them.
 */
import { asArray, asObject, asString, isObject } from '../../model/k8s.js';
import type { Path } from '../../sources/yaml.js';

export type Labels = Readonly<Record<string, string>>;

export type Operator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';

export interface Requirement {
  key: string;
  operator: Operator;
  values: readonly string[];
}

export interface SelectorIssue {
  path: Path;
  message: string;
}

const NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** Why a label key is invalid, or undefined when it is valid. */
export function labelKeyProblem(key: string): string | undefined {
  const slash = key.indexOf('/');
  const name = slash === -1 ? key : key.slice(slash + 1);
  if (slash !== -1) {
    const prefix = key.slice(0, slash);
    if (prefix.length === 0 || prefix.length > 253 || !DNS_SUBDOMAIN.test(prefix)) {
      return 'prefix part must be a lowercase RFC 1123 subdomain';
    }
  }
  if (name.length === 0) return 'name part must be non-empty';
  if (name.length > 63) return 'name part must be no more than 63 characters';
  if (!NAME.test(name)) {
    return "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
  }
  return undefined;
}

/** Why a label value is invalid, or undefined when it is valid (the empty value is valid). */
export function labelValueProblem(value: string): string | undefined {
  if (value === '') return undefined;
  if (value.length > 63) return 'must be no more than 63 characters';
  if (!NAME.test(value)) {
    return "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
  }
  return undefined;
}

function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

export class Selector {
  readonly requirements: readonly Requirement[];
  /** A canonical text of the selector: equal selectors have equal keys. */
  readonly key: string;

  constructor(requirements: readonly Requirement[]) {
    const sorted = [...requirements].sort((a, b) =>
      a.key !== b.key ? (a.key < b.key ? -1 : 1) : a.operator < b.operator ? -1 : a.operator > b.operator ? 1 : 0,
    );
    this.requirements = sorted;
    this.key = sorted.map((r) => `${r.key} ${r.operator} (${[...r.values].sort().join(',')})`).join('; ');
  }

  static readonly everything = new Selector([]);

  /** An empty selector selects everything. */
  get isEmpty(): boolean {
    return this.requirements.length === 0;
  }

  matches(labels: Labels): boolean {
    for (const r of this.requirements) {
      const value = Object.hasOwn(labels, r.key) ? labels[r.key] : undefined;
      switch (r.operator) {
        case 'In':
          if (value === undefined || !r.values.includes(value)) return false;
          break;
        case 'NotIn':
          if (value !== undefined && r.values.includes(value)) return false;
          break;
        case 'Exists':
          if (value === undefined) return false;
          break;
        case 'DoesNotExist':
          if (value !== undefined) return false;
          break;
      }
    }
    return true;
  }

  /** The labels a pod needs to be selected, when the selector is only equalities. */
  get equalityLabels(): Record<string, string> | undefined {
    const out: Record<string, string> = {};
    for (const r of this.requirements) {
      const only = r.values[0];
      if (r.operator !== 'In' || r.values.length !== 1 || only === undefined) return undefined;
      if (Object.hasOwn(out, r.key) && out[r.key] !== only) return undefined;
      out[r.key] = only;
    }
    return out;
  }

  /** `app=web,tier in (a,b),!legacy`, for messages. */
  toString(): string {
    if (this.isEmpty) return '{}';
    return this.requirements
      .map((r) => {
        switch (r.operator) {
          case 'In':
            return r.values.length === 1 ? `${r.key}=${r.values[0]}` : `${r.key} in (${r.values.join(',')})`;
          case 'NotIn':
            return `${r.key} notin (${r.values.join(',')})`;
          case 'Exists':
            return r.key;
          case 'DoesNotExist':
            return `!${r.key}`;
        }
        return r.key;
      })
      .join(',');
  }
}

/**
 * Parses a LabelSelector at `path`. Invalid parts are reported; an invalid requirement is kept as
 * one that matches nothing, so that an invalid selector never selects more than was written.
 */
export function parseSelector(value: unknown, path: Path): { selector: Selector; issues: SelectorIssue[] } {
  const issues: SelectorIssue[] = [];
  const requirements: Requirement[] = [];
  const invalid = () => requirements.push({ key: '', operator: 'Exists', values: [] });
  if (value === null || value === undefined) return { selector: Selector.everything, issues };
  if (!isObject(value)) {
    issues.push({ path, message: 'selector error: a label selector must be a map' });
    invalid();
    return { selector: new Selector(requirements), issues };
  }
  const matchLabels = value.matchLabels;
  if (matchLabels !== undefined && matchLabels !== null) {
    const labels = asObject(matchLabels);
    if (!labels) {
      issues.push({ path: [...path, 'matchLabels'], message: 'selector error: matchLabels must be a map' });
      invalid();
    } else {
      for (const [key, raw] of Object.entries(labels)) {
        const labelValue = scalarText(raw) ?? '';
        const keyProblem = labelKeyProblem(key);
        const valueProblem = labelValueProblem(labelValue);
        if (keyProblem) {
          issues.push({
            path: [...path, 'matchLabels', key],
            message: `selector error: key: Invalid value: "${key}": ${keyProblem}`,
          });
          invalid();
        } else if (valueProblem) {
          issues.push({
            path: [...path, 'matchLabels', key],
            message: `selector error: values[0][${key}]: Invalid value: "${labelValue}": ${valueProblem}`,
          });
          invalid();
        } else requirements.push({ key, operator: 'In', values: [labelValue] });
      }
    }
  }
  const expressions = value.matchExpressions;
  if (expressions !== undefined && expressions !== null) {
    if (!Array.isArray(expressions)) {
      issues.push({ path: [...path, 'matchExpressions'], message: 'selector error: matchExpressions must be a list' });
      invalid();
    }
    asArray(expressions).forEach((entry, index) => {
      const at = [...path, 'matchExpressions', index];
      const expression = asObject(entry);
      const key = asString(expression?.key) ?? '';
      const operator = asString(expression?.operator) ?? '';
      const values = asArray(expression?.values).map((v) => scalarText(v) ?? '');
      const keyProblem = labelKeyProblem(key);
      if (keyProblem) {
        issues.push({ path: [...at, 'key'], message: `selector error: key: Invalid value: "${key}": ${keyProblem}` });
        invalid();
        return;
      }
      if (operator !== 'In' && operator !== 'NotIn' && operator !== 'Exists' && operator !== 'DoesNotExist') {
        issues.push({
          path: [...at, 'operator'],
          message: `selector error: "${operator}" is not a valid label selector operator`,
        });
        invalid();
        return;
      }
      if ((operator === 'In' || operator === 'NotIn') && values.length === 0) {
        issues.push({
          path: [...at, 'values'],
          message: `selector error: values: Invalid value: []: for 'in', 'notin' operators, values set can't be empty`,
        });
        invalid();
        return;
      }
      if ((operator === 'Exists' || operator === 'DoesNotExist') && values.length > 0) {
        issues.push({
          path: [...at, 'values'],
          message: `selector error: values: Invalid value: ${JSON.stringify(values)}: values set must be empty for exists and does not exist`,
        });
        invalid();
        return;
      }
      const badValue = values.find((v) => labelValueProblem(v) !== undefined);
      if (badValue !== undefined) {
        issues.push({
          path: [...at, 'values'],
          message: `selector error: values[0][${key}]: Invalid value: "${badValue}": ${labelValueProblem(badValue)}`,
        });
        invalid();
        return;
      }
      requirements.push({ key, operator, values });
    });
  }
  return { selector: new Selector(requirements), issues };
}
