/**
 * The JSON Schema of `greenbelt scan --format json`, written against the TypeScript definition of
 * the finding contract (core/finding.ts): every property of every type must be described, and
 * `required` must list exactly the properties the type requires, or this file does not compile.
 * `npm run gen` writes it to docs/schema/scan-result.schema.json; a test validates real output
 * against it.
 */
import type { Finding, ObjectRef, ScanError, ScanSummary, SkippedFile, Suppression } from '../core/finding.js';
import { SEVERITIES, type Severity } from '../core/severity.js';
import { THREAT_IDS } from '../core/threats.js';
import type { JsonReport } from './json.js';
import { PROJECT_URL } from './project.js';

/** The part of JSON Schema (2020-12) these schemas use. */
export interface JsonSchema {
  $schema?: string;
  $id?: string;
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  title?: string;
  description?: string;
  type?: JsonType | JsonType[];
  enum?: readonly (string | number | boolean | null)[];
  const?: string | number | boolean | null;
  properties?: Record<string, JsonSchema>;
  required?: readonly string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minimum?: number;
  minLength?: number;
  pattern?: string;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
}

export type JsonType = 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean' | 'null';

/** Keys of T that are not optional. */
type RequiredKeys<T> = { [K in keyof T]-?: Record<string, never> extends Pick<T, K> ? never : K }[keyof T];

/** A description of every property of T, no more and no fewer. */
type Properties<T> = { [K in keyof T]-?: JsonSchema };

/**
 * An object schema for T. `required` must name every required key of T: a missing one is a type
 * error that names it.
 */
function objectOf<T>() {
  return <const R extends readonly RequiredKeys<T>[]>(
    description: string,
    properties: Properties<T>,
    required: R &
      (Exclude<RequiredKeys<T>, R[number]> extends never ? unknown : { missing: Exclude<RequiredKeys<T>, R[number]> }),
  ): JsonSchema => ({
    type: 'object',
    description,
    properties: properties as Record<string, JsonSchema>,
    required: [...(required as readonly PropertyKey[])].map(String),
    additionalProperties: false,
  });
}

const position = (what: string): JsonSchema => ({ type: 'integer', minimum: 1, description: what });

const severity: JsonSchema = { type: 'string', enum: SEVERITIES, description: 'critical, high, medium, low or info.' };

const objectRef = objectOf<ObjectRef>()(
  'The Kubernetes object the finding is about.',
  {
    apiVersion: { type: 'string' },
    kind: { type: 'string' },
    namespace: { type: 'string', description: 'Omitted for cluster-scoped objects and objects without a namespace.' },
    name: { type: 'string' },
  },
  ['kind', 'name'],
);

const suppression = objectOf<Suppression>()(
  'Why the finding is suppressed.',
  {
    by: { type: 'string', enum: ['annotation', 'comment', 'config', 'baseline'] },
    reason: { type: 'string' },
  },
  ['by', 'reason'],
);

const finding = objectOf<Finding>()(
  'One problem found, with its exact position.',
  {
    rule: { type: 'string', pattern: '^[a-z0-9-]+/[a-z0-9-]+$', description: 'The rule id, `<target>/<slug>`.' },
    severity,
    message: { type: 'string', minLength: 1 },
    file: {
      type: 'string',
      description: 'The path as the user gave it (relative paths stay relative); absent for live objects.',
    },
    line: position('1-based line of the offending node.'),
    column: position('1-based column (UTF-16 code units) of the offending node.'),
    endLine: position('1-based line where the offending node ends.'),
    endColumn: position('1-based column just after the offending node.'),
    object: { $ref: '#/$defs/objectRef' },
    path: { type: 'string', pattern: '^(/.*)?$', description: 'JSON pointer (RFC 6901) into the object or document.' },
    threats: { type: 'array', items: { type: 'string', enum: THREAT_IDS }, description: 'Threat catalogue ids.' },
    references: { type: 'array', items: { type: 'string' }, description: 'Standards the rule implements.' },
    remediation: { type: 'string' },
    suppressed: {
      description: 'null, or why the finding is suppressed (listed only with --show-suppressed).',
      oneOf: [{ type: 'null' }, { $ref: '#/$defs/suppression' }],
    },
    evidence: { type: 'array', items: { type: 'string' }, description: 'Supporting facts; never a secret value.' },
    fingerprint: {
      type: 'string',
      pattern: '^[0-9a-f]{24}$',
      description: 'Stable identity (no line numbers), used by baselines and SARIF partial fingerprints.',
    },
  },
  ['rule', 'severity', 'message', 'threats', 'references', 'remediation', 'suppressed', 'fingerprint'],
);

const scanError = objectOf<ScanError>()(
  'An input that could not be read or parsed, or a config mistake.',
  {
    file: { type: 'string' },
    line: position('1-based line.'),
    column: position('1-based column.'),
    message: { type: 'string', minLength: 1 },
  },
  ['file', 'message'],
);

const severityCounts: Properties<Record<Severity, number>> = {
  critical: { type: 'integer', minimum: 1 },
  high: { type: 'integer', minimum: 1 },
  medium: { type: 'integer', minimum: 1 },
  low: { type: 'integer', minimum: 1 },
  info: { type: 'integer', minimum: 1 },
};

const summary = objectOf<ScanSummary>()(
  'Counts. Suppressed findings are not in `findings`.',
  {
    files: { type: 'integer', minimum: 0, description: 'Files read (including those holding nothing to check).' },
    objects: { type: 'integer', minimum: 0, description: 'Documents checked (Kubernetes objects and other inputs).' },
    findings: {
      type: 'object',
      description: 'Unsuppressed findings per severity; severities without findings are omitted.',
      properties: severityCounts,
      additionalProperties: false,
    },
    suppressed: { type: 'integer', minimum: 0 },
  },
  ['files', 'objects', 'findings', 'suppressed'],
);

const skipped = objectOf<SkippedFile>()(
  'A file that was seen but held nothing greenbelt checks.',
  { file: { type: 'string' }, reason: { type: 'string' } },
  ['file', 'reason'],
);

const report = objectOf<JsonReport>()(
  'The result of `greenbelt scan --format json`. Consumers should ignore properties they do not know: later versions may add some (the version number changes only when a meaning changes).',
  {
    version: { const: 1 },
    findings: { type: 'array', items: { $ref: '#/$defs/finding' } },
    errors: { type: 'array', items: { $ref: '#/$defs/error' } },
    summary: { $ref: '#/$defs/summary' },
    skipped: { type: 'array', items: { $ref: '#/$defs/skipped' }, description: 'Present with --verbose.' },
  },
  ['version', 'findings', 'errors', 'summary'],
);

export const scanResultSchema: JsonSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: `${PROJECT_URL}/blob/main/docs/schema/scan-result.schema.json`,
  title: 'greenbelt scan result',
  ...report,
  $defs: { finding, objectRef, suppression, error: scanError, summary, skipped },
};
