import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SourceText } from '../core/source.js';
import { parseYaml, splitDocuments } from './yaml.js';
import { buildPositions, loadRecorded, locateIn, locateRecorded, PositionTable } from './yaml-positions.js';

type Path = (string | number)[];

/** Every path to a node of `value`, and for each a child that does not exist. */
function* pathsOf(value: unknown, prefix: Path = []): Generator<Path> {
  yield prefix;
  yield [...prefix, 'absent'];
  yield [...prefix, 7];
  if (Array.isArray(value)) for (let i = 0; i < value.length; i++) yield* pathsOf(value[i], [...prefix, i]);
  else if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) yield* pathsOf(child, [...prefix, key]);
  }
}

/**
 * Locates every path of a document both ways: whether its ranges were recorded, and the paths
 * where the recorded ranges and the full tree disagree.
 */
function compareAllPaths(text: string): { recorded: boolean; mismatches: unknown[] } {
  const table = new PositionTable();
  const { value, positions } = loadRecorded(text, table);
  table.seal();
  const tree = buildPositions(text);
  if (!tree) throw new Error('no tree');
  const mismatches: unknown[] = [];
  if (!positions) return { recorded: false, mismatches };
  for (const path of pathsOf(value)) {
    const recorded = locateRecorded(positions, value, path);
    const expected = locateIn(tree, path);
    if (recorded?.[0] !== expected[0] || recorded[1] !== expected[1]) mismatches.push({ path, recorded, expected });
  }
  return { recorded: true, mismatches };
}

describe('recorded positions', () => {
  const recorded: [string, string][] = [
    ['block maps and lists', 'a: 1\nb:\n  c: two\n  d:\n    - x\n    - y: 3\n      z: [1, 2]\n'],
    ['flow collections as sequence items', 'ports:\n  - { name: http, containerPort: 8080 }\n  - [a, b]\n  - {}\n'],
    ['flow collections inside flow collections', 'spec: { containers: [{ name: app, args: ["-v", { k: v }] }] }\n'],
    ['empty values', 'a:\nb: ~\nc:\n  d:\ne: []\nf: {}\n'],
    [
      'comments between nodes',
      '# head\na: # trailing\n  # above\n  b: 1 # after\n\n  # between\n  c:\n    # first item\n    - 2\n',
    ],
    ['block scalars', 'script: |\n  echo one\n  echo two\n\nfolded: >-\n  a\n  b\nnext: 1\n'],
    ['quoted keys and values', '"a b": \'c\'\n\'d\': "e\\nf"\n"": empty key\n'],
    ['multi-line plain scalars', 'text: one\n  two\n  three\nafter: 1\n'],
    ['tags and a scalar alias', 'a: !!str 123\nb: &name value\nc: *name\nd: !!binary aGVsbG8=\n'],
    ['Windows line ends', 'a:\r\n  b: 1\r\n  c:\r\n    - x\r\n'],
    ['a document marker and a scalar root', '--- just text\n'],
    ['unicode and trailing spaces', 'name: "café"   \nlist:\n  - ünïcode   \n  -   spaced\u00a0\n'],
    ['a sequence at the root', '- a\n- b: 1\n- - nested\n  - list\n'],
  ];
  it.each(recorded)('match the full position tree: %s', (_name, text) => {
    expect(compareAllPaths(text)).toEqual({ recorded: true, mismatches: [] });
  });

  // Documents whose value does not mirror their text fall back to the full tree.
  const fallback: [string, string][] = [
    ['a merge key', 'base: &b\n  p: 1\nthing:\n  <<: *b\n  q: 2\n'],
    ['a duplicate key', 'a: 1\nb: 2\na: 3\n'],
    ['keys JavaScript orders first', 'data:\n  b: 1\n  "10": 2\n'],
    ['a complex key', '? [a, b]\n: value\n'],
  ];
  it.each(fallback)('are not recorded for %s', (_name, text) => {
    expect(compareAllPaths(text).recorded).toBe(false);
  });

  it('locate through parseYaml the same way, for recorded and fallback documents', () => {
    const texts = [...recorded, ...fallback].map(([, text]) => text.replace(/^--- /, ''));
    const text = texts.map((t) => `---\n${t}`).join('');
    const source = new SourceText('all.yaml', text);
    const { documents, errors } = parseYaml(source);
    expect(errors).toEqual([]);
    expect(documents).toHaveLength(texts.length);
    for (const document of documents) {
      const slice = text.slice(document.start, document.end);
      const tree = buildPositions(slice);
      if (!tree) throw new Error('no tree');
      for (const path of pathsOf(document.value)) {
        const [start, end] = locateIn(tree, path);
        expect(document.locate(path)).toEqual([start + document.start, end + document.start]);
      }
    }
  });

  it('falls back to the full tree when the value no longer has the recorded shape', () => {
    const text = 'a:\n  b: 1\nc: 2\n';
    const { documents } = parseYaml(new SourceText('x.yaml', text));
    const document = documents[0];
    if (!document) throw new Error('no document');
    (document.value as { a: Record<string, unknown> }).a.extra = { deep: true };
    expect(document.locate(['c'])).toEqual([10, 14]);
  });

  const corpus = join(process.cwd(), '..', 'shared', 'conformance', 'real-manifests');
  it.skipIf(!existsSync(corpus))('match the full position tree on every node of the real-manifests corpus', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? files(path) : /\.ya?ml$/.test(name) ? [path] : [];
      });
    let documents = 0;
    let recordedCount = 0;
    const mismatches: unknown[] = [];
    for (const file of files(corpus)) {
      const text = readFileSync(file, 'utf8');
      for (const chunk of splitDocuments(text)) {
        const slice = text.slice(chunk.start, chunk.end);
        let tree: ReturnType<typeof buildPositions>;
        try {
          tree = buildPositions(slice);
        } catch {
          continue; // not for the fast loader
        }
        if (!tree || tree.value === null || tree.value === undefined) continue;
        documents++;
        const compared = compareAllPaths(slice);
        if (compared.recorded) recordedCount++;
        for (const mismatch of compared.mismatches) mismatches.push({ file, mismatch });
      }
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
    expect(documents).toBeGreaterThan(1000);
    // Nearly every real document is recorded; the rest use the full tree.
    expect(recordedCount / documents).toBeGreaterThan(0.95);
  });
});
