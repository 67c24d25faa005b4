/**
 * Source positions of YAML documents read by the fast loader (js-yaml), which reports where each
 * node opens and closes.
 *
 * Usually the ranges are recorded while a document loads (`loadRecorded`), a few bytes per node in
 * a table shared by the documents of a file, and a path is located by walking the loaded value
 * alongside them. A document whose tree does not mirror its value (merge keys, duplicate keys,
 * keys that JavaScript reorders, a complex key) falls back to `buildPositions`, which re-reads
 * the text and builds a full tree of ranges; both give the same ranges.
 */
import jsyaml from 'js-yaml';
import type { OffsetRange } from '../core/source.js';
import { YAML11_SCHEMA } from './yaml11.js';

export interface PositionNode {
  start: number;
  end: number;
  kind: 'mapping' | 'sequence' | 'scalar' | null;
  /** The loaded value (for keys: the key itself). */
  value: unknown;
  /** Mapping: key, value, key, value, ...; sequence: the items. */
  children: PositionNode[];
  /** Mapping: index of each key's pair in `children` (the last of duplicates), built on first use. */
  keys?: Map<string, number>;
}

interface ListenerState {
  position: number;
  kind: string | null;
  result: unknown;
}

/** Builds the position tree of one document's text; offsets are relative to that text. */
export function buildPositions(text: string): PositionNode | undefined {
  const stack: PositionNode[] = [];
  let root: PositionNode | undefined;
  jsyaml.load(text, {
    schema: YAML11_SCHEMA,
    json: true,
    listener(this: unknown, type: 'open' | 'close', state: ListenerState) {
      if (type === 'open') {
        stack.push({ start: state.position, end: state.position, kind: null, value: undefined, children: [] });
        return;
      }
      let node = stack.pop();
      if (!node) return;
      node.kind = kindOf(state.kind);
      node.value = state.result;
      const open = node.start;
      node.start = skipForward(text, open);
      if (node.start >= state.position) {
        node.start = open;
        node.end = open;
      } else node.end = nodeEnd(text, node.start, state.position, node.kind, node.children[node.children.length - 1]?.end);
      // A sequence item that holds a flow collection wraps it in a second node for the same value.
      const only = node.children[0];
      if (node.children.length === 1 && only && isWrapper(node.value, only.value)) node = only;
      const parent = stack[stack.length - 1];
      if (parent) parent.children.push(node);
      else root = node;
    },
  } as jsyaml.LoadOptions);
  return root;
}

function kindOf(kind: string | null): PositionNode['kind'] {
  return kind === 'mapping' || kind === 'sequence' || kind === 'scalar' ? kind : null;
}

/** Whether a node with one child of this value only wraps it (a flow collection as a sequence item). */
function isWrapper(value: unknown, childValue: unknown): boolean {
  return childValue === value && typeof value === 'object' && value !== null;
}

const SPACE = /\s/;

/**
 * A node's range starts at its first content character (after spaces and comments: see
 * skipForward), except for an empty node (a key with no value), which sits where it opened. It
 * ends, for a block collection, where its last entry ends; for a scalar or a flow collection, at
 * its last non-space character before `close`.
 */
function nodeEnd(
  text: string,
  start: number,
  close: number,
  kind: PositionNode['kind'],
  lastChildEnd: number | undefined,
): number {
  const opener = text.charCodeAt(start);
  if (kind !== 'scalar' && lastChildEnd !== undefined && opener !== OPEN_BRACE && opener !== OPEN_BRACKET) return lastChildEnd;
  let end = close;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return Math.max(end, start);
}

const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;

/** Whether a character code is white space as `/\s/` has it (NaN, past the text, is not). */
function isSpace(code: number): boolean {
  if (code === 0x20 || (code >= 0x09 && code <= 0x0d)) return true;
  return code > 0x7f && SPACE.test(String.fromCharCode(code));
}

/** Skips whitespace and comment lines before a node's content. */
function skipForward(text: string, at: number): number {
  let i = at;
  for (;;) {
    let code = text.charCodeAt(i);
    while (code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d) code = text.charCodeAt(++i);
    if (code !== 0x23 /* # */) return i;
    const lineEnd = text.indexOf('\n', i);
    if (lineEnd === -1) return text.length;
    i = lineEnd + 1;
  }
}

/**
 * The range of the node at `path` (a path through a map key covers key and value); past what
 * exists, the deepest existing node.
 */
export function locateIn(root: PositionNode, path: readonly (string | number)[]): OffsetRange {
  let node = root;
  let best: OffsetRange = [root.start, root.end];
  for (const segment of path) {
    if (node.kind === 'sequence') {
      if (typeof segment !== 'number') return best;
      const item = node.children[segment];
      if (!item) return best;
      best = [item.start, item.end];
      node = item;
      continue;
    }
    if (node.kind !== 'mapping') return best;
    if (node.keys === undefined) {
      // The last of duplicate keys wins, as it does in the loaded value.
      const keys = new Map<string, number>();
      for (let i = 0; i + 1 < node.children.length; i += 2) keys.set(String(node.children[i]?.value), i);
      node.keys = keys;
    }
    const found = node.keys.get(String(segment));
    if (found === undefined) return best;
    const key = node.children[found] as PositionNode;
    const value = node.children[found + 1] as PositionNode;
    best = [key.start, Math.max(key.end, value.end)];
    node = value;
  }
  return best;
}

/** The range of the key of the pair at `path` (the `privileged` in `privileged: true`), if it exists. */
export function locateKeyIn(root: PositionNode, path: readonly (string | number)[]): OffsetRange | undefined {
  let node: PositionNode | undefined = root;
  for (let i = 0; i < path.length && node; i++) {
    const segment = path[i] as string | number;
    if (node.kind === 'sequence') {
      node = typeof segment === 'number' ? node.children[segment] : undefined;
      continue;
    }
    if (node.kind !== 'mapping') return undefined;
    locateIn(node, [segment]); // builds the key index
    const found = node.keys?.get(String(segment));
    if (found === undefined) return undefined;
    if (i === path.length - 1) {
      const key = node.children[found] as PositionNode;
      return [key.start, key.end];
    }
    node = node.children[found + 1];
  }
  return undefined;
}

/** Numbers recorded per node: start, end, and the number of nodes in its subtree (itself included). */
const FIELDS = 3;

/**
 * The recorded nodes of the documents of one file: for each document, every node (keys included)
 * in post-order (children before their parent, in document order), with its range relative to
 * the document's text and the size of its subtree.
 */
export class PositionTable {
  #pending: number[] = [];
  #data: Uint16Array | Uint32Array | undefined;

  /** Adds a document's nodes (the first `length` numbers of `nodes`); returns its first node. */
  add(nodes: readonly number[], length: number): number {
    const pending = this.#pending;
    const base = pending.length / FIELDS;
    for (let i = 0; i < length; i++) pending.push(nodes[i] ?? 0);
    return base;
  }

  /** Stores the nodes compactly once every document of the file is added. */
  seal(): void {
    const pending = this.#pending;
    this.#data = pending.every((v) => v <= 0xffff) ? Uint16Array.from(pending) : Uint32Array.from(pending);
    this.#pending = [];
  }

  start(node: number): number {
    return this.#data?.[FIELDS * node] ?? 0;
  }

  end(node: number): number {
    return this.#data?.[FIELDS * node + 1] ?? 0;
  }

  size(node: number): number {
    return this.#data?.[FIELDS * node + 2] ?? 1;
  }
}

/** A document's place in its file's position table. */
export interface RecordedPositions {
  table: PositionTable;
  /** Index of the document's first node in the table. */
  base: number;
  /** Number of nodes. */
  count: number;
}

/**
 * Records nodes while js-yaml loads a document, as buildPositions builds its tree. Kept on
 * stacks: for each open node, where it opened, how many children it has so far, where the last
 * one ends and how many nodes were recorded before it; for each closed node not yet attached to
 * its parent, its value. Loading is synchronous, so one recorder serves every document in turn
 * and its arrays are reused.
 */
class Recorder {
  text = '';
  regular = true;
  /** Start, end and subtree size of each closed node, in post-order; `length` numbers are in use. */
  readonly nodes: number[] = [];
  length = 0;
  /** Open nodes: where each opened, its number of children, the end of its last child, and the number of nodes recorded before it. */
  readonly #frames: number[] = [];
  #depth = 0;
  readonly #values: unknown[] = [];
  #valueCount = 0;

  reset(text: string): void {
    this.text = text;
    this.regular = true;
    this.length = 0;
    this.#depth = 0;
    this.#values.fill(undefined);
    this.#valueCount = 0;
  }

  /** The number of nodes of a document that loaded as one regular tree, else undefined. */
  get count(): number | undefined {
    return this.regular && this.#valueCount === 1 && this.#depth === 0 ? this.length / FIELDS : undefined;
  }

  readonly listener = (type: 'open' | 'close', state: ListenerState): void => {
    const frames = this.#frames;
    if (type === 'open') {
      const at = 4 * this.#depth++;
      frames[at] = state.position;
      frames[at + 1] = 0;
      frames[at + 2] = -1;
      frames[at + 3] = this.length / FIELDS;
      return;
    }
    if (this.#depth === 0) {
      this.regular = false;
      return;
    }
    const at = 4 * --this.#depth;
    const open = frames[at] ?? 0;
    const children = frames[at + 1] ?? 0;
    const lastEnd = children > 0 ? (frames[at + 2] ?? 0) : undefined;
    const firstNode = frames[at + 3] ?? 0;
    const value = state.result;
    const values = this.#values;
    const nodes = this.nodes;
    const kind = kindOf(state.kind);
    const close = state.position;
    let start = skipForward(this.text, open);
    let end: number;
    if (start >= close) {
      start = open;
      end = open;
    } else end = nodeEnd(this.text, start, close, kind, lastEnd);
    const last = values[this.#valueCount - 1];
    if (children === 1 && isWrapper(value, last)) {
      // The child stands for this node, as in buildPositions.
      end = nodes[this.length - 2] ?? 0;
    } else if (children === 1 && kind === 'scalar' && last === value) {
      // A scalar sequence item is a node around a node of the same value. Nothing is located
      // inside a scalar, so this node's range replaces its child's.
      nodes[this.length - 3] = start;
      nodes[this.length - 2] = end;
    } else {
      const first = this.#valueCount - children;
      if (!mirrors(kind, value, values, first, children)) this.regular = false;
      values[first] = value;
      this.#valueCount = first + 1;
      const index = this.length / FIELDS;
      nodes[this.length++] = start;
      nodes[this.length++] = end;
      nodes[this.length++] = index - firstNode + 1;
    }
    if (this.#depth > 0) {
      const parent = 4 * (this.#depth - 1);
      frames[parent + 1] = (frames[parent + 1] ?? 0) + 1;
      frames[parent + 2] = end;
    }
  };
}

/**
 * Whether a node's children correspond one to one, in order, to its loaded value, so that the
 * value can be walked to find a node: a mapping's keys are scalars, its value has exactly those
 * keys in that order with those values (no merge key, no duplicate, no key JavaScript moves to
 * the front); a sequence has those items; a scalar has no children and is no collection.
 */
function mirrors(kind: PositionNode['kind'], value: unknown, values: readonly unknown[], first: number, count: number): boolean {
  if (kind === 'sequence') {
    if (!Array.isArray(value) || value.length !== count) return false;
    for (let i = 0; i < count; i++) if (value[i] !== values[first + i]) return false;
    return true;
  }
  if (kind === 'mapping') {
    if (!isMap(value) || count % 2 !== 0) return false;
    let i = first;
    for (const key in value) {
      if (i >= first + count) return false;
      const written = values[i];
      if ((typeof written === 'object' && written !== null) || String(written) !== key || value[key] !== values[i + 1]) {
        return false;
      }
      i += 2;
    }
    return i === first + count;
  }
  return count === 0 && (typeof value !== 'object' || value === null);
}

function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const recorder = new Recorder();

/**
 * Loads one document with the fast loader and records its nodes in `table`. `positions` is
 * undefined when the tree does not mirror the value (the document is then located with
 * `buildPositions`).
 */
export function loadRecorded(text: string, table: PositionTable): { value: unknown; positions: RecordedPositions | undefined } {
  recorder.reset(text);
  try {
    const value = jsyaml.load(text, { schema: YAML11_SCHEMA, json: true, listener: recorder.listener } as jsyaml.LoadOptions);
    const count = recorder.count;
    if (count === undefined) return { value, positions: undefined };
    return { value, positions: { table, base: table.add(recorder.nodes, FIELDS * count), count } };
  } finally {
    recorder.reset('');
  }
}

/**
 * The range of the node at `path` in a recorded document, with the same answer as `locateIn` on
 * the tree `buildPositions` builds. The value tells which keys a mapping has, in order; the
 * recorded subtree sizes tell where each child is: in post-order, a node's last child is just
 * before it, and each earlier child just before the subtree of the next. Undefined when the value
 * no longer has the recorded shape.
 */
export function locateRecorded(
  positions: RecordedPositions,
  root: unknown,
  path: readonly (string | number)[],
): OffsetRange | undefined {
  const { table, base, count } = positions;
  let node = base + count - 1;
  let value = root;
  const range = (at: number): OffsetRange => [table.start(at), table.end(at)];
  let best = range(node);
  for (const segment of path) {
    const first = node - table.size(node) + 1;
    if (Array.isArray(value)) {
      if (typeof segment !== 'number' || !(segment in value)) return best;
      // From the last item back to this one.
      let item = node - 1;
      for (let i = value.length - 1; i > segment; i--) item -= table.size(item);
      if (item < first) return undefined;
      value = value[segment];
      node = item;
      best = range(node);
      continue;
    }
    if (!isMap(value)) return best;
    const wanted = String(segment);
    let index = -1;
    let keys = 0;
    for (const key in value) {
      if (key === wanted) index = keys;
      keys++;
    }
    if (index === -1) return best;
    // From the last pair back to this one: each pair is its key, then its value's subtree.
    let valueNode = node - 1;
    for (let i = keys - 1; i > index; i--) valueNode -= table.size(valueNode) + 1;
    const keyNode = valueNode - table.size(valueNode);
    if (keyNode < first) return undefined;
    value = value[wanted];
    node = valueNode;
    best = [table.start(keyNode), Math.max(table.end(keyNode), table.end(valueNode))];
  }
  return best;
}
