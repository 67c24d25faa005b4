/**
 * Text forms of a connectivity map, compatible with netpol-analyzer's `list` output: txt
 * (`src => dst : conn`), json (`[{src, dst, conn}]`), csv, md and a graphviz dot graph with one
 * cluster per namespace.
 */
import type { Connection, Peer } from './connectivity.js';
import type { WorkloadPeer } from './model.js';

export const LIST_FORMATS = ['txt', 'json', 'csv', 'md', 'dot'] as const;
export type ListFormat = (typeof LIST_FORMATS)[number];

export interface ConnRecord {
  src: string;
  dst: string;
  conn: string;
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Connections sorted by source, then destination name (byte order, as netpol-analyzer sorts).
 * Names are ranked once and connections bucketed by source rank, so that sorting a million
 * connections costs little more than reading them.
 */
export function sortConnections(connections: readonly Connection[]): Connection[] {
  const ids = new Map<string, number>();
  for (const c of connections) {
    ids.set(c.src.id, 0);
    ids.set(c.dst.id, 0);
  }
  const names = [...ids.keys()].sort(compareText);
  names.forEach((name, rank) => {
    ids.set(name, rank);
  });
  const n = connections.length;
  const srcRank = new Int32Array(n);
  const dstRank = new Int32Array(n);
  connections.forEach((c, i) => {
    srcRank[i] = ids.get(c.src.id) as number;
    dstRank[i] = ids.get(c.dst.id) as number;
  });
  // A two-pass radix sort: by destination, then (stably) by source.
  const byDst = countingSort(
    Int32Array.from({ length: n }, (_, i) => i),
    dstRank,
    names.length,
  );
  const order = countingSort(byDst, srcRank, names.length);
  const out: Connection[] = new Array(n);
  for (let i = 0; i < n; i++) out[i] = connections[order[i] as number] as Connection;
  return out;
}

function countingSort(indices: Int32Array, keys: Int32Array, range: number): Int32Array {
  const counts = new Int32Array(range + 1);
  for (const i of indices) counts[(keys[i] as number) + 1] = (counts[(keys[i] as number) + 1] as number) + 1;
  for (let k = 1; k <= range; k++) counts[k] = (counts[k] as number) + (counts[k - 1] as number);
  const out = new Int32Array(indices.length);
  for (const i of indices) {
    const key = keys[i] as number;
    out[counts[key] as number] = i;
    counts[key] = (counts[key] as number) + 1;
  }
  return out;
}

/** Records sorted by source, then destination. */
export function toRecords(connections: readonly Connection[]): ConnRecord[] {
  return sortConnections(connections).map((c) => ({ src: c.src.id, dst: c.dst.id, conn: c.conn.toString() }));
}

/** A CSV field, quoted when it holds a comma, quote or line break (as Go's encoding/csv writes). */
export function csvField(value: string): string {
  if (value === '' || (!/[",\r\n]/.test(value) && !value.startsWith(' '))) return value;
  return `"${value.replace(/"/g, '""')}"`;
}

export function dotString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

export function dotEdgeWeight(src: string, dst: string): string {
  return src <= dst ? '0.5' : '1';
}

export function dotNamespaceClusters(nodes: Map<string, string[]>): string[] {
  const lines: string[] = [];
  for (const namespace of [...nodes.keys()].sort(compareText)) {
    lines.push(`\tsubgraph ${dotString(`cluster_${namespace}[namespace]`)} {`, '\t\tcolor="black"', '\t\tfontcolor="black"');
    lines.push(...(nodes.get(namespace) ?? []).sort(compareText));
    lines.push(`\t\tlabel=${dotString(`${namespace}[namespace]`)}`, '\t}');
  }
  return lines;
}

function formatDot(records: readonly ConnRecord[], connections: readonly Connection[], peers: readonly WorkloadPeer[]): string {
  const byId = new Map<string, Peer>();
  for (const c of connections) {
    byId.set(c.src.id, c.src);
    byId.set(c.dst.id, c.dst);
  }
  for (const peer of peers) byId.set(peer.id, peer);
  const clusters = new Map<string, string[]>();
  const external: string[] = [];
  for (const peer of byId.values()) {
    if (peer.type === 'ip') {
      external.push(`\t${dotString(peer.id)} [label=${dotString(peer.id)} color="red2" fontcolor="red2"]`);
    } else {
      const line = `\t\t${dotString(peer.id)} [label=${dotString(`${peer.name}[${peer.kind}]`)} color="blue" fontcolor="blue"]`;
      const list = clusters.get(peer.namespace);
      if (list) list.push(line);
      else clusters.set(peer.namespace, [line]);
    }
  }
  const edges = records.map(
    (r) =>
      `\t${dotString(r.src)} -> ${dotString(r.dst)} [label=${dotString(r.conn)} color="gold2" fontcolor="darkgreen" weight=${dotEdgeWeight(r.src, r.dst)}]`,
  );
  return ['digraph {', ...dotNamespaceClusters(clusters), ...external.sort(compareText), ...edges.sort(compareText), '}'].join(
    '\n',
  );
}

/**
 * Formats connections. `peers` are the workloads to draw in the dot graph even when they have no
 * connection (all workloads, or the focused ones).
 */
export function formatConnections(
  format: ListFormat,
  connections: readonly Connection[],
  peers: readonly WorkloadPeer[] = [],
): string {
  if (format === 'txt') {
    // Lines are joined in chunks, so that a million short-lived line strings never pile up.
    const sorted = sortConnections(connections);
    const chunks: string[] = [];
    for (let i = 0; i < sorted.length; i += 4096) {
      const part: string[] = [];
      for (const c of sorted.slice(i, i + 4096)) part.push(`${c.src.id} => ${c.dst.id} : ${c.conn.toString()}`);
      chunks.push(part.join('\n'));
    }
    return chunks.join('\n');
  }
  const records = toRecords(connections);
  switch (format) {
    case 'json':
      return JSON.stringify(records, null, 2);
    case 'csv':
      return ['src,dst,conn', ...records.map((r) => [r.src, r.dst, r.conn].map(csvField).join(','))].join('\n');
    case 'md':
      return ['| src | dst | conn |', '|-----|-----|------|', ...records.map((r) => `| ${r.src} | ${r.dst} | ${r.conn} |`)].join(
        '\n',
      );
    case 'dot':
      return formatDot(records, connections, peers);
  }
  return '';
}
