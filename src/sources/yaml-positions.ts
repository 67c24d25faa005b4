/**
 * Source positions for a YAML document from the fast loader: js-yaml reports where each node
 * opens and closes, and this module rebuilds a tree of those ranges parallel to the loaded value.
 * It is built only for documents that need a position (most never do), at a fraction of the cost
 * of a full positioned syntax tree.
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
      node.kind = state.kind === 'mapping' || state.kind === 'sequence' || state.kind === 'scalar' ? state.kind : null;
      node.value = state.result;
      const open = node.start;
      node.end = state.position;
      node.start = skipForward(text, open);
      if (node.start >= node.end) {
        // An empty node (a key with no value): it sits where it opened.
        node.start = open;
        node.end = open;
      } else node.end = endOf(text, node);
      // A sequence item that holds a flow collection wraps it in a second node for the same value.
      const only = node.children[0];
      if (
        node.children.length === 1 &&
        only &&
        only.value === node.value &&
        typeof node.value === 'object' &&
        node.value !== null
      ) {
        node = only;
      }
      const parent = stack[stack.length - 1];
      if (parent) parent.children.push(node);
      else root = node;
    },
  } as jsyaml.LoadOptions);
  return root;
}

/** Skips whitespace and comment lines before a node's content. */
function skipForward(text: string, at: number): number {
  let i = at;
  for (;;) {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
    if (text[i] !== '#') return i;
    const lineEnd = text.indexOf('\n', i);
    if (lineEnd === -1) return text.length;
    i = lineEnd + 1;
  }
}

function endOf(text: string, node: PositionNode): number {
  const opener = text[node.start];
  const last = node.children[node.children.length - 1];
  // A block collection ends where its last entry ends; a flow collection at its closing bracket.
  if (node.kind !== 'scalar' && last && opener !== '{' && opener !== '[') return last.end;
  let end = node.end;
  while (end > node.start && /\s/.test(text[end - 1] ?? '')) end--;
  return Math.max(end, node.start);
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
