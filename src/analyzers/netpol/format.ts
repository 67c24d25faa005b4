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

/** Records sorted by source, then destination (byte order, as netpol-analyzer sorts). */
export function toRecords(connections: readonly Connection[]): ConnRecord[] {
  const records = connections.map((c) => ({ src: c.src.id, dst: c.dst.id, conn: c.conn.toString() }));
  records.sort((a, b) => compareText(a.src, b.src) || compareText(a.dst, b.dst));
  return records;
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
  const records = toRecords(connections);
  switch (format) {
    case 'txt':
      return records.map((r) => `${r.src} => ${r.dst} : ${r.conn}`).join('\n');
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
