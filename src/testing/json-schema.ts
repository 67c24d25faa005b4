/**
 * A small JSON Schema validator for the subset greenbelt's schemas use (report/schema.ts): type,
 * enum, const, properties, required, additionalProperties, items, minimum, minLength, pattern,
 * oneOf, anyOf and local `$ref`s into `$defs`. Enough to hold real output to the published
 * schema in tests without a dependency; it refuses keywords it does not know rather than
 * ignoring them.
 */
import type { JsonSchema, JsonType } from '../report/schema.js';

export interface SchemaError {
  /** JSON pointer of the offending value. */
  at: string;
  message: string;
}

const KNOWN = new Set([
  '$schema',
  '$id',
  '$ref',
  '$defs',
  'title',
  'description',
  'type',
  'enum',
  'const',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'minimum',
  'minLength',
  'pattern',
  'oneOf',
  'anyOf',
]);

function typeOf(value: unknown): JsonType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  if (typeof value === 'string' || typeof value === 'boolean') return typeof value as JsonType;
  return 'object';
}

function matchesType(value: unknown, type: JsonType): boolean {
  const actual = typeOf(value);
  return actual === type || (type === 'number' && actual === 'integer');
}

function pointer(base: string, key: string | number): string {
  return `${base}/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

export function validate(value: unknown, root: JsonSchema): SchemaError[] {
  const errors: SchemaError[] = [];
  const resolve = (ref: string): JsonSchema => {
    const match = /^#\/\$defs\/([^/]+)$/.exec(ref);
    const target = match ? root.$defs?.[match[1] as string] : undefined;
    if (!target) throw new Error(`unsupported or dangling $ref ${ref}`);
    return target;
  };
  const check = (v: unknown, schema: JsonSchema, at: string, out: SchemaError[]): void => {
    for (const key of Object.keys(schema)) if (!KNOWN.has(key)) throw new Error(`unsupported schema keyword ${key}`);
    if (schema.$ref !== undefined) check(v, resolve(schema.$ref), at, out);
    if (schema.type !== undefined) {
      const types = Array.isArray(schema.type) ? schema.type : [schema.type];
      if (!types.some((t) => matchesType(v, t))) {
        out.push({ at, message: `expected ${types.join(' or ')}, got ${typeOf(v)}` });
        return;
      }
    }
    if (schema.const !== undefined && v !== schema.const) out.push({ at, message: `expected ${JSON.stringify(schema.const)}` });
    if (schema.enum !== undefined && !schema.enum.includes(v as string)) {
      out.push({ at, message: `${JSON.stringify(v)} is not one of ${schema.enum.join(', ')}` });
    }
    if (typeof v === 'number' && schema.minimum !== undefined && v < schema.minimum) {
      out.push({ at, message: `${v} is less than ${schema.minimum}` });
    }
    if (typeof v === 'string') {
      if (schema.minLength !== undefined && v.length < schema.minLength) out.push({ at, message: 'string too short' });
      if (schema.pattern !== undefined && !new RegExp(schema.pattern, 'u').test(v)) {
        out.push({ at, message: `${JSON.stringify(v)} does not match ${schema.pattern}` });
      }
    }
    if (Array.isArray(v) && schema.items) {
      const items = schema.items;
      v.forEach((item, i) => {
        check(item, items, pointer(at, i), out);
      });
    }
    if (typeOf(v) === 'object') {
      const object = v as Record<string, unknown>;
      for (const key of schema.required ?? []) {
        if (!Object.hasOwn(object, key)) out.push({ at, message: `missing required property ${key}` });
      }
      for (const [key, item] of Object.entries(object)) {
        const property = schema.properties?.[key];
        if (property) check(item, property, pointer(at, key), out);
        else if (schema.additionalProperties === false) out.push({ at: pointer(at, key), message: `unexpected property ${key}` });
        else if (typeof schema.additionalProperties === 'object') check(item, schema.additionalProperties, pointer(at, key), out);
      }
    }
    for (const [keyword, list] of [
      ['oneOf', schema.oneOf],
      ['anyOf', schema.anyOf],
    ] as const) {
      if (!list) continue;
      const passing = list.filter((option) => {
        const sink: SchemaError[] = [];
        check(v, option, at, sink);
        return sink.length === 0;
      }).length;
      if (keyword === 'oneOf' ? passing !== 1 : passing === 0) {
        out.push({ at, message: `${keyword}: ${passing} of ${list.length} alternatives match` });
      }
    }
  };
  check(value, root, '', errors);
  return errors;
}
