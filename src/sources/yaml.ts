/**
 * Positioned YAML and JSON. Kubernetes reads manifests with a YAML 1.1 loader (go-yaml), where
 * `yes`/`on` are booleans and `<<` merges maps, so greenbelt parses with YAML 1.1 semantics too:
 * `privileged: yes` is privileged for the API server and must be for the scanner.
 */
import {
  type Document,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  type Node,
  type Pair,
  type ParsedNode,
  parseAllDocuments,
} from 'yaml';
import type { ScanError } from '../core/finding.js';
import type { OffsetRange, SourceText } from '../core/source.js';

export type PathSegment = string | number;
export type Path = readonly PathSegment[];

/** Largest number of alias dereferences in one document before it is treated as an alias bomb. */
export const MAX_ALIAS_COUNT = 1000;

/** One YAML document of a file, with its plain value and a way back to source ranges. */
export class YamlDocument {
  readonly source: SourceText;
  /** 0-based index of the document in its file. */
  readonly index: number;
  readonly value: unknown;
  readonly #ast: Document.Parsed;

  constructor(source: SourceText, index: number, ast: Document.Parsed, value: unknown) {
    this.source = source;
    this.index = index;
    this.#ast = ast;
    this.value = value;
  }

  /** Range of the document's content (its root node). */
  get range(): OffsetRange {
    const root = this.#ast.contents;
    if (root?.range) return [root.range[0], root.range[1]];
    return [this.#ast.range[0], this.#ast.range[1]];
  }

  /**
   * The source range of the node at `path`. A path through a map key covers the key and its value
   * (`privileged: true`). When the path leads past what exists, the deepest existing node is used:
   * a finding about an absent field points at the object that lacks it.
   */
  locate(path: Path): OffsetRange {
    let node: unknown = this.#ast.contents;
    let best: OffsetRange = this.range;
    for (const segment of path) {
      node = resolveAlias(node, this.#ast);
      if (isMap(node)) {
        const pair = findPair(node.items, segment);
        if (!pair) return best;
        const key = pair.key as ParsedNode | null;
        const value = resolveAlias(pair.value, this.#ast) as ParsedNode | null;
        const start = key?.range?.[0] ?? value?.range?.[0];
        const end = (pair.value as ParsedNode | null)?.range?.[1] ?? key?.range?.[1];
        if (start !== undefined && end !== undefined) best = [start, end];
        node = pair.value;
      } else if (isSeq(node)) {
        if (typeof segment !== 'number') return best;
        const item = node.items[segment] as ParsedNode | undefined;
        if (!item?.range) return best;
        best = [item.range[0], item.range[1]];
        node = item;
      } else {
        return best;
      }
    }
    return best;
  }

  /** Range of the key of the pair at `path` (the `privileged` in `privileged: true`), if it exists. */
  locateKey(path: Path): OffsetRange | undefined {
    if (path.length === 0) return undefined;
    let node: unknown = this.#ast.contents;
    for (let i = 0; i < path.length; i++) {
      node = resolveAlias(node, this.#ast);
      const segment = path[i] as PathSegment;
      if (isMap(node)) {
        const pair = findPair(node.items, segment);
        if (!pair) return undefined;
        if (i === path.length - 1) {
          const key = pair.key as ParsedNode | null;
          return key?.range ? [key.range[0], key.range[1]] : undefined;
        }
        node = pair.value;
      } else if (isSeq(node) && typeof segment === 'number') {
        node = node.items[segment];
      } else {
        return undefined;
      }
    }
    return undefined;
  }

  /** The comment lines written directly before the node at `path` (without `#`). */
  commentBefore(path: Path): string | undefined {
    let node: unknown = this.#ast.contents;
    let comment: string | undefined;
    for (const segment of path) {
      node = resolveAlias(node, this.#ast);
      if (isMap(node)) {
        const pair = findPair(node.items, segment);
        if (!pair) return comment;
        comment = (pair.key as Node | null)?.commentBefore ?? undefined;
        node = pair.value;
      } else if (isSeq(node) && typeof segment === 'number') {
        node = node.items[segment];
        comment = (node as Node | undefined)?.commentBefore ?? undefined;
      } else {
        return comment;
      }
    }
    return comment;
  }
}

function resolveAlias(node: unknown, doc: Document.Parsed): unknown {
  let current = node;
  for (let i = 0; i < 32 && isAlias(current); i++) current = current.resolve(doc);
  return current;
}

function findPair(items: readonly Pair<unknown, unknown>[], segment: PathSegment): Pair<unknown, unknown> | undefined {
  const wanted = String(segment);
  for (const pair of items) {
    if (!isPair(pair)) continue;
    const key = pair.key;
    if (isScalar(key) ? String(key.value) === wanted : key === wanted) return pair;
  }
  return undefined;
}

export interface ParsedYaml {
  documents: YamlDocument[];
  errors: ScanError[];
}

/**
 * Parses every document of a YAML (or JSON) text. A broken document gives an error with its
 * position and is left out; the other documents of the file are still returned. Alias bombs,
 * runaway nesting and other parser failures become errors, never exceptions.
 */
export function parseYaml(source: SourceText): ParsedYaml {
  const documents: YamlDocument[] = [];
  const errors: ScanError[] = [];
  let asts: Document.Parsed[];
  try {
    asts = parseAllDocuments(source.text, {
      version: '1.1',
      merge: true,
      uniqueKeys: false,
      prettyErrors: false,
      keepSourceTokens: false,
    }) as Document.Parsed[];
  } catch (error) {
    errors.push({ file: source.path, line: 1, column: 1, message: `cannot parse YAML: ${describe(error)}` });
    return { documents, errors };
  }
  if (!Array.isArray(asts)) asts = [asts as unknown as Document.Parsed];
  asts.forEach((ast, index) => {
    if (ast.errors.length > 0) {
      const seen = new Set<string>();
      for (const error of ast.errors) {
        const at = source.positionAt(error.pos[0]);
        const key = `${at.line}:${at.column}:${error.message}`;
        if (seen.has(key)) continue;
        seen.add(key);
        if (seen.size > 3) break;
        errors.push({
          file: source.path,
          line: at.line,
          column: at.column,
          message: `invalid YAML: ${firstLine(error.message)}`,
        });
      }
      return;
    }
    if (ast.contents === null) return;
    let value: unknown;
    try {
      value = ast.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      const at = source.positionAt(ast.contents.range?.[0] ?? 0);
      const message =
        error instanceof ReferenceError && /alias/i.test(error.message)
          ? `YAML alias expansion exceeds ${MAX_ALIAS_COUNT} aliases (a "billion laughs" alias bomb?); document skipped`
          : `cannot read YAML document: ${describe(error)}`;
      errors.push({ file: source.path, line: at.line, column: at.column, message });
      return;
    }
    documents.push(new YamlDocument(source, index, ast, value));
  });
  return { documents, errors };
}

function firstLine(message: string): string {
  if (/call stack/i.test(message)) return 'nested too deeply to read (runaway [ or { nesting?); document skipped';
  const line = message.split('\n')[0] ?? message;
  return line.replace(/ at line \d+, column \d+:?$/, '');
}

export function describe(error: unknown): string {
  if (error instanceof RangeError && /call stack/i.test(error.message)) return 'nesting too deep';
  if (error instanceof Error) return error.message;
  return String(error);
}

/** Escape one JSON-pointer segment (RFC 6901). */
export function escapePointer(segment: PathSegment): string {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
}

export function toPointer(path: Path): string {
  return path.length === 0 ? '' : `/${path.map(escapePointer).join('/')}`;
}
