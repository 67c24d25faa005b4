import { describe, expect, it } from 'vitest';
import { scan } from '../scan.js';
import { prettyJson } from './pretty-json.js';
import { formatSarif, sarifChunks, sarifLog } from './sarif.js';

const root = new URL('../..', import.meta.url).pathname;
const text = (value: unknown) => [...prettyJson(value)].join('');

describe('prettyJson', () => {
  const long = Array.from({ length: 40 }, (_, i) => ({ n: i, s: `line\n${i}`, nested: { a: [1, 2, { b: [] }] } }));
  const values: [string, unknown][] = [
    ['scalars', [1, 'two', true, null, 1.5e-7]],
    ['empty object and array', { a: {}, b: [], c: [{}] }],
    ['members JSON.stringify leaves out', { a: undefined, b: () => 1, c: Symbol('x'), d: 1 }],
    ['an object whose members are all left out', { a: undefined }],
    ['items that become null', Array.from({ length: 20 }, (_, i) => (i % 3 === 0 ? undefined : i % 3 === 1 ? () => 1 : i))],
    ['toJSON', { when: new Date(0), custom: { toJSON: () => ({ replaced: true }) } }],
    ['a long array of nested objects with newlines in strings', { items: long, after: 'x' }],
    ['a long array at the top', long],
    ['short arrays of objects and arrays, nested', { runs: [{ results: long, tags: ['a'] }, [[1, [2]], {}], null] }],
    ['unicode and escapes', { 'ké\ty': '\u2028"\\', emoji: '😀' }],
  ];
  it.each(values)('gives the text of JSON.stringify(value, null, 2): %s', (_name, value) => {
    expect(text(value)).toBe(JSON.stringify(value, null, 2));
  });

  it('opens long arrays item by item', () => {
    expect([...prettyJson({ items: long })].length).toBeGreaterThan(long.length);
  });
});

describe('the SARIF log in pieces', async () => {
  const result = await scan({ paths: ['examples/'], cwd: root, config: false });
  it('is the text JSON.stringify gives', () => {
    expect(result.findings.length).toBeGreaterThan(100);
    const options = { toolVersion: '1.2.3', cwd: root };
    expect(formatSarif(result, options)).toBe(`${JSON.stringify(sarifLog(result, options), null, 2)}\n`);
    expect([...sarifChunks(result, options)].length).toBeGreaterThan(result.findings.length);
  });
});
