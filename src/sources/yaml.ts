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
  type Pair,
  type ParsedNode,
  parseAllDocuments,
  parseDocument,
} from 'yaml';
import type { ScanError } from '../core/finding.js';
import type { OffsetRange, SourceText } from '../core/source.js';
import { ownCopy } from '../core/strings.js';
import {
  buildPositions,
  loadRecorded,
  locateIn,
  locateKeyIn,
  locateRecorded,
  type PositionNode,
  PositionTable,
  type RecordedPositions,
} from './yaml-positions.js';

export type PathSegment = string | number;
export type Path = readonly PathSegment[];

/** Largest number of alias dereferences in one document before it is treated as an alias bomb. */
export const MAX_ALIAS_COUNT = 1000;

/**
 * One YAML document of a file. Its plain value is read fast, recording compact node ranges on the
 * way; documents the fast loader cannot read, or whose ranges it cannot record, get a positioned
 * tree only when something asks where a node is.
 */
export class YamlDocument {
  readonly source: SourceText;
  /** 0-based index of the document in its file. */
  readonly index: number;
  readonly value: unknown;
  /** Offsets of this document's text in the source. */
  readonly start: number;
  readonly end: number;
  #ast: Document.Parsed | null | undefined;
  /** What to add to the tree's ranges to get source offsets. */
  #treeOffset: number;
  /** Read by the fast loader: positions come from its lighter position tree, built on demand. */
  readonly #fast: boolean;
  #positions: PositionNode | null | undefined;
  /** Nodes recorded while loading (fast loader only). */
  readonly #recorded: RecordedPositions | undefined;

  /** `ast`, when given, was parsed from the whole source (its ranges are source offsets). */
  constructor(
    source: SourceText,
    index: number,
    value: unknown,
    start: number,
    end: number,
    ast?: Document.Parsed,
    fast = false,
    recorded?: RecordedPositions,
  ) {
    this.source = source;
    this.index = index;
    this.value = value;
    this.start = start;
    this.end = end;
    this.#ast = ast;
    this.#treeOffset = ast ? 0 : start;
    this.#fast = fast;
    this.#recorded = recorded;
  }

  /** Range of the key of the pair at `path` (the `privileged` in `privileged: true`), if it exists. */
  locateKey(path: Path): OffsetRange | undefined {
    if (this.#fast) {
      const tree = this.#positionTree;
      if (tree) {
        const range = locateKeyIn(tree, path);
        return range ? [range[0] + this.start, range[1] + this.start] : undefined;
      }
    }
    const ast = this.ast;
    if (path.length === 0 || !ast) return undefined;
    let node: unknown = ast.contents;
    for (let i = 0; i < path.length; i++) {
      node = resolveAlias(node, ast);
      const segment = path[i] as PathSegment;
      if (isMap(node)) {
        const pair = findPair(node.items, segment);
        if (!pair) return undefined;
        if (i === path.length - 1) {
          const key = pair.key as ParsedNode | null;
          return key?.range ? this.#shift(key.range) : undefined;
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

  /** Drops the position data that is built on demand; it is built again if asked for later. */
  releasePositions(): void {
    if (this.#fast) this.#positions = undefined;
    else if (this.#treeOffset !== 0) this.#ast = undefined;
  }

  /** The fast loader's position tree (offsets relative to this document's text), or null. */
  get #positionTree(): PositionNode | null {
    if (this.#positions === undefined) {
      try {
        this.#positions = buildPositions(this.source.text.slice(this.start, this.end)) ?? null;
      } catch {
        this.#positions = null;
      }
    }
    return this.#positions;
  }

  /** The positioned tree, parsed on first use; null if this document's text cannot be parsed alone. */
  get ast(): Document.Parsed | null {
    if (this.#ast === undefined) {
      try {
        const text = this.source.text.slice(this.start, this.end);
        const ast = parseDocument(text, YAML_OPTIONS) as Document.Parsed;
        this.#ast = ast.errors.length === 0 ? ast : null;
      } catch {
        this.#ast = null;
      }
    }
    return this.#ast;
  }

  #shift(range: readonly number[]): OffsetRange {
    const base = this.#treeOffset;
    return [(range[0] ?? 0) + base, (range[1] ?? range[0] ?? 0) + base];
  }

  /** Range of the document's content (its root node). */
  get range(): OffsetRange {
    const ast = this.ast;
    const root = ast?.contents;
    if (root?.range) return this.#shift(root.range);
    return [this.start, this.end];
  }

  /**
   * The source range of the node at `path`. A path through a map key covers the key and its value
   * (`privileged: true`). When the path leads past what exists, the deepest existing node is used:
   * a finding about an absent field points at the object that lacks it.
   */
  locate(path: Path): OffsetRange {
    const recorded = this.#recorded && locateRecorded(this.#recorded, this.value, path);
    if (recorded) return [recorded[0] + this.start, recorded[1] + this.start];
    if (this.#fast) {
      const tree = this.#positionTree;
      if (tree) {
        const [start, end] = locateIn(tree, path);
        return [start + this.start, end + this.start];
      }
    }
    const ast = this.ast;
    let best: OffsetRange = this.range;
    if (!ast) return best;
    let node: unknown = ast.contents;
    for (const segment of path) {
      node = resolveAlias(node, ast);
      if (isMap(node)) {
        const pair = findPair(node.items, segment);
        if (!pair) return best;
        const key = pair.key as ParsedNode | null;
        const value = resolveAlias(pair.value, ast) as ParsedNode | null;
        const start = key?.range?.[0] ?? value?.range?.[0];
        const end = (pair.value as ParsedNode | null)?.range?.[1] ?? key?.range?.[1];
        if (start !== undefined && end !== undefined) best = this.#shift([start, end]);
        node = pair.value;
      } else if (isSeq(node)) {
        if (typeof segment !== 'number') return best;
        const item = node.items[segment] as ParsedNode | undefined;
        if (!item?.range) return best;
        best = this.#shift(item.range);
        node = item;
      } else {
        return best;
      }
    }
    return best;
  }
}

function resolveAlias(node: unknown, doc: Document.Parsed): unknown {
  let current = node;
  for (let i = 0; i < 32 && isAlias(current); i++) current = current.resolve(doc);
  return current;
}

/** The pair for a key; of duplicate keys, the last, which is the one the loaded value keeps. */
function findPair(items: readonly Pair<unknown, unknown>[], segment: PathSegment): Pair<unknown, unknown> | undefined {
  const wanted = String(segment);
  let found: Pair<unknown, unknown> | undefined;
  for (const pair of items) {
    if (!isPair(pair)) continue;
    const key = pair.key;
    if (isScalar(key) ? String(key.value) === wanted : key === wanted) found = pair;
  }
  return found;
}

export interface ParsedYaml {
  documents: YamlDocument[];
  errors: ScanError[];
}

const YAML_OPTIONS = {
  version: '1.1',
  merge: true,
  uniqueKeys: false,
  prettyErrors: false,
  keepSourceTokens: false,
} as const;

/** A line that starts or ends a document: `---` or `...` at column 0, then a space or the line's end. */
const MARKER = /^(?:---|\.\.\.)(?=[ \t\r\n]|$)/gm;

/**
 * A possible alias (`*name` where a node may start): such documents take the careful path, which
 * limits alias expansion (the fast loader shares aliased nodes, and a later walk of an alias bomb
 * would still be exponential). Tags the fast loader does not know make it throw, which also
 * leads to the careful path.
 */
const CAREFUL = /(?:^|[\s,[{:-])\*[^\s,\]}]/m;

interface Chunk {
  start: number;
  end: number;
}

/** Splits a text at document markers. A marker line belongs to the document it opens. */
export function splitDocuments(text: string): Chunk[] {
  const chunks: Chunk[] = [];
  let start = 0;
  MARKER.lastIndex = 0;
  for (let match = MARKER.exec(text); match !== null; match = MARKER.exec(text)) {
    const at = match.index;
    if (match[0] === '---') {
      if (at > start) chunks.push({ start, end: at });
      start = at;
    } else {
      const lineEnd = text.indexOf('\n', at);
      const end = lineEnd === -1 ? text.length : lineEnd + 1;
      chunks.push({ start, end });
      start = end;
    }
  }
  if (start < text.length) chunks.push({ start, end: text.length });
  return chunks;
}

/** Only whitespace, comments and markers: no document. A line scan (a regex here backtracks badly). */
function isBlank(text: string, start: number, end: number): boolean {
  let lineStart = start;
  while (lineStart < end) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1 || lineEnd > end) lineEnd = end;
    const line = text.slice(lineStart, lineEnd).trim();
    if (line !== '' && !line.startsWith('#') && line !== '---' && line !== '...') return false;
    lineStart = lineEnd + 1;
  }
  return true;
}

/**
 * Parses every document of a YAML (or JSON) text. A broken document gives an error with its
 * position and is left out; the other documents of the file are still returned. Alias bombs,
 * runaway nesting and other parser failures become errors, never exceptions.
 *
 * Plain documents are read by a fast loader without positions; documents with anchors, aliases,
 * tags or directives, and any the fast loader refuses, are read by the `yaml` package, which also
 * gives the precise error. Positions are computed later, only for documents that need them.
 */
export function parseYaml(source: SourceText): ParsedYaml {
  const text = source.text;
  if (/^\s*[{[]/.test(text) && /\.json$/i.test(source.path)) {
    try {
      const value: unknown = JSON.parse(text);
      return { documents: [new YamlDocument(source, 0, value, 0, text.length)], errors: [] };
    } catch {
      // not strict JSON: read it as YAML below, which also locates the mistake
    }
  }
  if (/^%/m.test(text)) return parseCareful(source, 0, text.length, 0);
  const documents: YamlDocument[] = [];
  const errors: ScanError[] = [];
  const table = new PositionTable();
  /** The strings of the file's values, one of each (see `tighten`). */
  const strings = new Map<string, string>();
  let index = 0;
  for (const chunk of splitDocuments(text)) {
    if (isBlank(text, chunk.start, chunk.end)) continue;
    const slice = text.slice(chunk.start, chunk.end);
    try {
      const { value, positions } = loadRecorded(slice, table);
      // A `*` that might be an alias: keep the fast result only if no node is actually shared.
      if (CAREFUL.test(slice) && sharesNodes(value)) throw new Error('aliases');
      if (value !== null && value !== undefined) {
        documents.push(
          new YamlDocument(source, index, tighten(value, strings), chunk.start, chunk.end, undefined, true, positions),
        );
      }
      index++;
      continue;
    } catch {
      // fall through to the careful parser, which gives the authoritative answer or error
    }
    const careful = parseCareful(source, chunk.start, chunk.end, index);
    documents.push(...careful.documents);
    errors.push(...careful.errors);
    index++;
  }
  table.seal();
  return { documents, errors };
}

/**
 * Stores a value loaded by the fast loader tightly, since values are kept for the whole scan:
 * lists get arrays of their exact length (js-yaml grows them item by item, leaving spare room),
 * long strings get their own copy, and a string that occurs again in the file (a label repeated
 * in a selector, `apps/v1`, `100m`, `RuntimeDefault`) is the same string each time. js-yaml's
 * long strings are slices of its private copy of the document's text, which would otherwise stay
 * in memory beside the source text. The value's shape, and so its recorded positions, do not
 * change.
 */
function tighten<T>(value: T, strings: Map<string, string>): T {
  if (typeof value === 'string') {
    if (value.length > 4096) return value;
    const known = strings.get(value);
    if (known !== undefined) return known as T;
    const own = ownCopy(value);
    strings.set(own, own);
    return own as T;
  }
  if (Array.isArray(value)) {
    const copy = value.slice();
    for (let i = 0; i < copy.length; i++) copy[i] = tighten(copy[i], strings);
    return copy as T;
  }
  if (typeof value === 'object' && value !== null) {
    const map = value as Record<string, unknown>;
    for (const key in map) {
      // `__proto__` is an own key here (js-yaml defines it); assigning it would set the prototype.
      if (key !== '__proto__' && isLoose(map[key])) map[key] = tighten(map[key], strings);
    }
    return value;
  }
  return value;
}

/** A collection, or a string of up to 4 KiB (longer ones are most of their document's text anyway). */
function isLoose(value: unknown): boolean {
  if (typeof value === 'string') return value.length <= 4096;
  return typeof value === 'object' && value !== null;
}

/**
 * Whether a loaded value reaches some map or list twice (an alias of a collection). The walk
 * visits each node once, so even an alias bomb is checked in time linear in its text.
 */
function sharesNodes(root: unknown): boolean {
  const seen = new Set<object>();
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node !== 'object' || node === null) continue;
    if (seen.has(node)) return true;
    seen.add(node);
    for (const child of Array.isArray(node) ? node : Object.values(node)) {
      if (typeof child === 'object' && child !== null) stack.push(child);
    }
  }
  return false;
}

/** The `yaml` package's full parse of a range of the source, with alias limits. */
function parseCareful(source: SourceText, start: number, end: number, firstIndex: number): ParsedYaml {
  const documents: YamlDocument[] = [];
  const errors: ScanError[] = [];
  const whole = start === 0 && end === source.text.length;
  const text = whole ? source.text : source.text.slice(start, end);
  let asts: Document.Parsed[];
  try {
    asts = parseAllDocuments(text, YAML_OPTIONS) as Document.Parsed[];
  } catch (error) {
    const at = source.positionAt(start);
    errors.push({ file: source.path, line: at.line, column: at.column, message: `cannot parse YAML: ${describe(error)}` });
    return { documents, errors };
  }
  if (!Array.isArray(asts)) asts = [asts as unknown as Document.Parsed];
  asts.forEach((ast, offset) => {
    const index = firstIndex + offset;
    if (ast.errors.length > 0) {
      const seen = new Set<string>();
      for (const error of ast.errors) {
        const at = source.positionAt(start + error.pos[0]);
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
      const at = source.positionAt(start + (ast.contents.range?.[0] ?? 0));
      const message =
        error instanceof ReferenceError && /alias/i.test(error.message)
          ? `YAML alias expansion exceeds ${MAX_ALIAS_COUNT} aliases (a "billion laughs" alias bomb?); document skipped`
          : `cannot read YAML document: ${describe(error)}`;
      errors.push({ file: source.path, line: at.line, column: at.column, message });
      return;
    }
    const docStart = start + ast.range[0];
    const docEnd = start + ast.range[2];
    documents.push(
      whole
        ? new YamlDocument(source, index, value, docStart, docEnd, ast)
        : new YamlDocument(source, index, value, docStart, docEnd),
    );
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
  if (typeof segment === 'number') return String(segment);
  return segment.includes('~') || segment.includes('/') ? segment.replace(/~/g, '~0').replace(/\//g, '~1') : segment;
}

export function toPointer(path: Path): string {
  return path.length === 0 ? '' : `/${path.map(escapePointer).join('/')}`;
}
