import { describe, expect, it } from 'vitest';
import type { JsonSchema } from '../report/schema.js';
import { validate } from './json-schema.js';

const schema: JsonSchema = {
  type: 'object',
  properties: {
    id: { type: 'string', pattern: '^[a-z0-9]+/[a-z-]+$' },
    count: { type: 'integer', minimum: 1 },
    kind: { enum: ['a', 'b'] },
    version: { const: 1 },
    note: { oneOf: [{ type: 'null' }, { $ref: '#/$defs/note' }] },
    tags: { type: 'array', items: { type: 'string', minLength: 1 } },
  },
  required: ['id', 'version'],
  additionalProperties: false,
  $defs: { note: { type: 'object', properties: { text: { type: 'string' } }, required: ['text'], additionalProperties: false } },
};

describe('the test JSON Schema validator', () => {
  it('accepts a valid value', () => {
    expect(validate({ id: 'k8s/no-x', version: 1, count: 2, kind: 'a', note: null, tags: ['x'] }, schema)).toEqual([]);
    expect(validate({ id: 'k8s/no-x', version: 1, note: { text: 'why' } }, schema)).toEqual([]);
  });

  it.each([
    [{ version: 1 }, '', 'missing required property id'],
    [{ id: 'K8S', version: 1 }, '/id', 'does not match'],
    [{ id: 'a/b', version: 2 }, '/version', 'expected 1'],
    [{ id: 'a/b', version: 1, count: 1.5 }, '/count', 'expected integer'],
    [{ id: 'a/b', version: 1, count: 0 }, '/count', 'less than 1'],
    [{ id: 'a/b', version: 1, kind: 'c' }, '/kind', 'is not one of'],
    [{ id: 'a/b', version: 1, extra: true }, '/extra', 'unexpected property'],
    [{ id: 'a/b', version: 1, note: { text: 1 } }, '/note', 'oneOf: 0 of 2'],
    [{ id: 'a/b', version: 1, tags: ['ok', ''] }, '/tags/1', 'too short'],
    [[], '', 'expected object'],
  ])('reports %j', (value, at, message) => {
    const errors = validate(value, schema);
    expect(errors.length).toBeGreaterThan(0);
    expect(
      errors.some((e) => e.at === at && e.message.includes(message)),
      JSON.stringify(errors),
    ).toBe(true);
  });

  it('refuses keywords it does not implement instead of ignoring them', () => {
    expect(() => validate('x', { maxLength: 3 } as unknown as JsonSchema)).toThrow(/unsupported schema keyword maxLength/);
  });
});
