import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { SourceText } from '../core/source.js';
import { parseYaml, splitDocuments, toPointer, YamlDocument } from './yaml.js';

const parse = (text: string, path = 'x.yaml') => parseYaml(new SourceText(path, text));

describe('parseYaml', () => {
  it('reads YAML 1.1 scalars as Kubernetes does', () => {
    const { documents, errors } = parse('a: yes\nb: on\nc: 0755\nd: off\ne: "yes"\nf: 1.5\ng: ~\nh: 2024-01-01\ni: 0x1f\nj: y\n');
    expect(errors).toEqual([]);
    expect(documents[0]?.value).toEqual({
      a: true,
      b: true,
      c: 493,
      d: false,
      e: 'yes',
      f: 1.5,
      g: null,
      h: '2024-01-01',
      i: 31,
      j: true,
    });
  });

  it('merges << keys from anchors', () => {
    const { documents } = parse('base: &b\n  p: 1\n  q: 2\nthing:\n  <<: *b\n  q: 3\n');
    expect(documents[0]?.value).toEqual({ base: { p: 1, q: 2 }, thing: { p: 1, q: 3 } });
  });

  it('splits documents and keeps their order and indexes', () => {
    const text = '# lead\n---\na: 1\n---\n# only a comment\n---\nb: 2\n...\n---\nc: 3\n';
    const { documents } = parse(text);
    expect(documents.map((d) => [d.index, d.value])).toEqual([
      [0, { a: 1 }],
      [1, { b: 2 }],
      [2, { c: 3 }],
    ]);
  });

  it('does not split on --- inside a line or indented', () => {
    expect(splitDocuments('a: |\n  ---x\n  text\nb: ---\n')).toHaveLength(1);
  });

  it('locates nodes in later documents lazily, with exact positions', () => {
    const text = 'kind: A\n---\nkind: B\nspec:\n  list:\n    - name: x\n      flag: true\n';
    const source = new SourceText('x.yaml', text);
    const { documents } = parseYaml(source);
    const second = documents[1];
    expect(second).toBeDefined();
    const range = second?.locate(['spec', 'list', 0, 'flag']);
    expect(range && source.range(range)).toEqual({ line: 7, column: 7, endLine: 7, endColumn: 17 });
    // a missing path points at the deepest node that exists: the list item
    const missing = second?.locate(['spec', 'list', 0, 'securityContext', 'runAsNonRoot']);
    expect(missing && source.range(missing).line).toBe(6);
  });

  it('reports a broken document with its position and keeps the others', () => {
    const { documents, errors } = parse('a: 1\n---\nb: [1, 2\n---\nc: 3\n', 'bad.yaml');
    expect(documents.map((d) => d.value)).toEqual([{ a: 1 }, { c: 3 }]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: 'bad.yaml', line: expect.any(Number), column: expect.any(Number) });
    expect(errors[0]?.line).toBeGreaterThanOrEqual(3);
  });

  it('stops an alias bomb with an error instead of expanding it', () => {
    const bomb = [
      'a: &a ["x","x","x","x","x","x","x","x","x"]',
      'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
      'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
      'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
      'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
      'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
      'g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]',
    ].join('\n');
    const { documents, errors } = parse(`${bomb}\n---\nok: 1\n`);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toMatch(/alias/);
    expect(documents.map((d) => d.value)).toEqual([{ ok: 1 }]);
  });

  it('turns runaway nesting into an error', () => {
    const deep = `${'['.repeat(20000)}${']'.repeat(20000)}`;
    const { errors } = parse(`a: ${deep}\n`);
    expect(errors.length).toBeGreaterThan(0);
  });

  it('reads JSON files with JSON semantics and positions', () => {
    const text = '{\n  "kind": "Pod",\n  "spec": {"hostNetwork": true}\n}\n';
    const source = new SourceText('pod.json', text);
    const { documents } = parseYaml(source);
    expect(documents[0]?.value).toEqual({ kind: 'Pod', spec: { hostNetwork: true } });
    const range = documents[0]?.locate(['spec', 'hostNetwork']);
    expect(range && source.range(range).line).toBe(3);
  });

  it('keeps documents with unknown tags (such as GitLab !reference) readable', () => {
    const { documents, errors } = parse('job:\n  script:\n    - !reference [.setup, script]\n    - make\n');
    expect(errors).toEqual([]);
    expect(documents).toHaveLength(1);
  });

  it('keeps loaded values intact when storing them tightly, an own __proto__ key included', () => {
    const text = [
      'image: registry.example.com/team/app:1.2.3',
      'args: ["--listen=0.0.0.0:8080", "--verbose"]',
      'nested:',
      '  __proto__: { polluted: true }',
      '  items:',
      '    - a string longer than thirteen characters',
      '    - 42',
    ].join('\n');
    const value = parse(`${text}\n`).documents[0]?.value as Record<string, unknown>;
    const nested = value.nested as Record<string, unknown>;
    expect(JSON.stringify(value)).toBe(
      JSON.stringify({
        image: 'registry.example.com/team/app:1.2.3',
        args: ['--listen=0.0.0.0:8080', '--verbose'],
        nested: { ['__proto__']: { polluted: true }, items: ['a string longer than thirteen characters', 42] },
      }),
    );
    expect(Object.hasOwn(nested, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(nested)).toBe(Object.prototype);
    expect((nested as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it('escapes JSON pointer segments', () => {
    expect(toPointer(['metadata', 'annotations', 'a/b~c'])).toBe('/metadata/annotations/a~1b~0c');
  });
});

const corpus = join(import.meta.dirname, '..', '..', '..', 'shared', 'conformance', 'real-manifests');
let files: string[] = [];
try {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(join(dir, e.name)) : /\.(ya?ml|json)$/.test(e.name) ? [join(dir, e.name)] : [],
    );
  files = walk(corpus);
} catch {
  files = [];
}

describe.skipIf(files.length === 0)('fast loading agrees with the yaml package on real manifests', () => {
  it(`gives the same value for every document of ${files.length} files`, () => {
    let compared = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const ours = parseYaml(new SourceText(file, text));
      expect(ours.errors, file).toEqual([]);
      const reference = parseAllDocuments(text, { version: '1.1', merge: true, uniqueKeys: false })
        .map((d) => d.toJS({ maxAliasCount: 1000 }) as unknown)
        .filter((v) => v !== null && v !== undefined);
      expect(
        ours.documents.map((d) => d.value),
        file,
      ).toEqual(reference);
      compared += reference.length;
    }
    expect(compared).toBeGreaterThan(1000);
  });
});
if (files.length === 0) console.warn('skipping the real-manifests comparison: ../shared/conformance/real-manifests is absent');

describe.skipIf(files.length === 0)('fast positions agree with the yaml package on real manifests', () => {
  function* paths(value: unknown, path: (string | number)[], depth: number): Generator<(string | number)[]> {
    yield path;
    if (depth > 12) return;
    if (Array.isArray(value)) for (let i = 0; i < value.length && i < 50; i++) yield* paths(value[i], [...path, i], depth + 1);
    else if (value !== null && typeof value === 'object') {
      for (const key of Object.keys(value).slice(0, 50))
        yield* paths((value as Record<string, unknown>)[key], [...path, key], depth + 1);
    }
  }
  /**
   * The end of a range without trailing whitespace, whole comment lines and a trailing `# comment`
   * (which `yaml` includes in block collections and the fast index leaves out).
   */
  function trimEnd(text: string, start: number, end: number): number {
    let e = end;
    for (;;) {
      while (e > start && /\s/.test(text[e - 1] ?? '')) e--;
      const lineStart = Math.max(text.lastIndexOf('\n', e - 1) + 1, start);
      const line = text.slice(lineStart, e);
      if (line.trimStart().startsWith('#') && lineStart > start) {
        e = lineStart;
        continue;
      }
      // A trailing comment: ` #` after the last closing quote of the line.
      const lastQuote = Math.max(line.lastIndexOf('"'), line.lastIndexOf("'"));
      const hash = line.indexOf(' #', lastQuote + 1);
      if (hash === -1) return e;
      e = lineStart + hash;
    }
  }

  it('gives the same start and end for every node of every document', () => {
    let compared = 0;
    const differences: string[] = [];
    for (const file of files) {
      const source = new SourceText(file, readFileSync(file, 'utf8'));
      for (const fast of parseYaml(source).documents) {
        const reference = new YamlDocument(source, fast.index, fast.value, fast.start, fast.end);
        let perDocument = 0;
        for (const path of paths(fast.value, [], 0)) {
          if (path.length === 0 || perDocument++ > 400) continue;
          compared++;
          const [aStart, aEnd] = fast.locate(path);
          const [bStart, bEnd] = reference.locate(path);
          // `yaml` ends a block scalar at the end of a file one character early; compare ends to the line.
          const endLine = (at: number) => source.positionAt(at).line;
          if (aStart !== bStart || endLine(trimEnd(source.text, aStart, aEnd)) !== endLine(trimEnd(source.text, bStart, bEnd))) {
            differences.push(`${file} ${path.join('/')}: [${aStart}, ${aEnd}] vs [${bStart}, ${bEnd}]`);
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(40_000);
    expect(differences.slice(0, 10)).toEqual([]);
  });
});
