/**
 * Connectivity diff between two versions of a set of manifests: connections added, removed and
 * changed, in netpol-analyzer's diff formats. External peers of the two versions are first cut
 * into common disjoint ranges, compared range by range, and then merged back where adjacent
 * ranges changed in the same way.
 */
import type { ConnSet } from './conn.js';
import type { Connection } from './connectivity.js';
import { compareText, csvField, dotEdgeWeight, dotNamespaceClusters, dotString } from './format.js';
import { disjointRanges, formatRange, type IpRange, IpSet } from './ip.js';
import type { WorkloadPeer } from './model.js';

export const DIFF_FORMATS = ['txt', 'csv', 'md', 'dot', 'json'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

export type DiffType = 'changed' | 'added' | 'removed' | 'unchanged';

export interface DiffEntry {
  readonly type: DiffType;
  readonly src: string;
  readonly dst: string;
  readonly ref1: ConnSet | undefined;
  readonly ref2: ConnSet | undefined;
  /** `workload X added`, `workload X and Y removed`, or '' */
  readonly info: string;
}

export interface ConnectivityDiff {
  readonly entries: readonly DiffEntry[];
  readonly peers1: ReadonlyMap<string, WorkloadPeer>;
  readonly peers2: ReadonlyMap<string, WorkloadPeer>;
}

interface Side {
  connections: readonly Connection[];
  peers: readonly WorkloadPeer[];
}

/** A connection with peers reduced to names; external peers keep their range. */
interface Flat {
  src: string;
  dst: string;
  srcRange: IpRange | undefined;
  dstRange: IpRange | undefined;
  conn: ConnSet;
}

function refine(connections: readonly Connection[], pieces: readonly IpRange[]): Flat[] {
  const out: Flat[] = [];
  const within = (range: IpRange) =>
    pieces.filter((p) => p.family === range.family && range.start <= p.start && p.end <= range.end);
  for (const c of connections) {
    if (c.src.type === 'ip') {
      for (const piece of within(c.src.range)) {
        out.push({ src: `${formatRange(piece)}[External]`, dst: c.dst.id, srcRange: piece, dstRange: undefined, conn: c.conn });
      }
    } else if (c.dst.type === 'ip') {
      for (const piece of within(c.dst.range)) {
        out.push({ src: c.src.id, dst: `${formatRange(piece)}[External]`, srcRange: undefined, dstRange: piece, conn: c.conn });
      }
    } else out.push({ src: c.src.id, dst: c.dst.id, srcRange: undefined, dstRange: undefined, conn: c.conn });
  }
  return out;
}

interface Pair {
  src: string;
  dst: string;
  c1: ConnSet | undefined;
  c2: ConnSet | undefined;
}

export function diffConnectivity(before: Side, after: Side): ConnectivityDiff {
  const ranges: IpRange[] = [];
  for (const c of [...before.connections, ...after.connections]) {
    if (c.src.type === 'ip') ranges.push(c.src.range);
    if (c.dst.type === 'ip') ranges.push(c.dst.range);
  }
  const pieces = ranges.length === 0 ? [] : disjointRanges(ranges.map((r) => IpSet.of([r])));
  const pairs = new Map<string, Pair & { srcRange: IpRange | undefined; dstRange: IpRange | undefined }>();
  const put = (flat: Flat, first: boolean) => {
    const key = `${flat.src}\u0000${flat.dst}`;
    let pair = pairs.get(key);
    if (!pair) {
      pair = { src: flat.src, dst: flat.dst, c1: undefined, c2: undefined, srcRange: flat.srcRange, dstRange: flat.dstRange };
      pairs.set(key, pair);
    }
    if (first) pair.c1 = flat.conn;
    else pair.c2 = flat.conn;
  };
  for (const flat of refine(before.connections, pieces)) put(flat, true);
  for (const flat of refine(after.connections, pieces)) put(flat, false);

  // Merge adjacent external ranges whose workload and connections are the same in both versions.
  const merged: Pair[] = [];
  const groups = new Map<string, { ranges: IpRange[]; pair: Pair; ipIsSrc: boolean }>();
  for (const pair of pairs.values()) {
    const ipIsSrc = pair.srcRange !== undefined;
    const range = pair.srcRange ?? pair.dstRange;
    if (!range) {
      merged.push(pair);
      continue;
    }
    const key = `${ipIsSrc ? 'src' : 'dst'}\u0000${ipIsSrc ? pair.dst : pair.src}\u0000${pair.c1?.toString() ?? ''}\u0000${pair.c2?.toString() ?? ''}`;
    const group = groups.get(key);
    if (group) group.ranges.push(range);
    else groups.set(key, { ranges: [range], pair, ipIsSrc });
  }
  for (const { ranges: groupRanges, pair, ipIsSrc } of groups.values()) {
    for (const range of IpSet.of(groupRanges).ranges) {
      const ipName = `${formatRange(range)}[External]`;
      merged.push({ ...pair, src: ipIsSrc ? ipName : pair.src, dst: ipIsSrc ? pair.dst : ipName });
    }
  }

  const peers1 = new Map(before.peers.map((p) => [p.id, p]));
  const peers2 = new Map(after.peers.map((p) => [p.id, p]));
  const entries: DiffEntry[] = merged.map((pair) => {
    const { src, dst, c1, c2 } = pair;
    let type: DiffType;
    if (c1 && c2) type = c1.equals(c2) ? 'unchanged' : 'changed';
    else if (c2) type = 'added';
    else type = 'removed';
    let info = '';
    if (type === 'added' || type === 'removed') {
      const other = type === 'added' ? peers1 : peers2;
      const isWorkload = (name: string) => !name.endsWith('[External]');
      const changed = [src, dst].filter((name) => isWorkload(name) && !other.has(name));
      if (changed.length > 0) info = `workload ${changed.join(' and ')} ${type}`;
    }
    return { type, src, dst, ref1: c1, ref2: c2, info };
  });
  return { entries, peers1, peers2 };
}

const ORDER: DiffType[] = ['changed', 'added', 'removed'];

function sortedLines(diff: ConnectivityDiff, line: (e: DiffEntry) => string): string[] {
  const out: string[] = [];
  for (const type of ORDER) {
    out.push(
      ...diff.entries
        .filter((e) => e.type === type)
        .map(line)
        .sort(compareText),
    );
  }
  return out;
}

function connText(conn: ConnSet | undefined): string {
  return conn === undefined ? 'No Connections' : conn.toString();
}

function formatDiffDot(diff: ConnectivityDiff): string {
  const clusters = new Map<string, string[]>();
  const addPeer = (peer: WorkloadPeer, color: string) => {
    const line = `\t\t${dotString(peer.id)} [label=${dotString(`${peer.name}[${peer.kind}]`)} color=${dotString(color)} fontcolor=${dotString(color)}]`;
    const list = clusters.get(peer.namespace);
    if (list) list.push(line);
    else clusters.set(peer.namespace, [line]);
  };
  for (const peer of diff.peers2.values()) addPeer(peer, diff.peers1.has(peer.id) ? 'blue' : '#008000');
  for (const peer of diff.peers1.values()) if (!diff.peers2.has(peer.id)) addPeer(peer, 'red');
  const external = new Set<string>();
  for (const e of diff.entries) {
    if (e.src.endsWith('[External]')) external.add(e.src);
    if (e.dst.endsWith('[External]')) external.add(e.dst);
  }
  const colors: Record<DiffType, string> = { added: '#008000', removed: 'red2', changed: 'magenta', unchanged: 'grey' };
  const edges = diff.entries.map((e) => {
    const label =
      e.type === 'changed' ? `${connText(e.ref2)} (ref1: ${connText(e.ref1)})` : connText(e.type === 'removed' ? e.ref1 : e.ref2);
    const color = dotString(colors[e.type]);
    return `\t${dotString(e.src)} -> ${dotString(e.dst)} [label=${dotString(label)} color=${color} fontcolor=${color} weight=${dotEdgeWeight(e.src, e.dst)}]`;
  });
  const legend = [
    '\tnodesep=0.5',
    '\tsubgraph cluster_legend {',
    '\t\tlabel="Legend"',
    '\t\tfontsize = 10',
    '\t\tmargin=0',
    ...['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((n) => `\t\t${n} [style=invis height=0 width=0]`),
    '\t\t{rank=source a b c d}',
    '\t\t{rank=same e f g h}',
    '\t\ta -> b [label="added connection", color="#008000" fontcolor="#008000" fontsize = 10 arrowsize=0.2]',
    '\t\tc -> d [label="removed connection", color="red2" fontcolor="red2" fontsize = 10 arrowsize=0.2]',
    '\t\te -> f [label="changed connection", color="magenta" fontcolor="magenta" fontsize = 10 arrowsize=0.2]',
    '\t\tg -> h [label="unchanged connection", color="grey" fontcolor="grey" fontsize = 10 arrowsize=0.2]',
    '\t\tnp [label="new peer" color="#008000" fontcolor="#008000" fontsize = 10]',
    '\t\tlp [label="lost peer" color="red" fontcolor="red" fontsize = 10]',
    '\t\tpp [label="persistent peer" color="blue" fontcolor="blue" fontsize = 10]',
    '\t\t{rank=sink np lp pp}',
    '\t\tnp->lp [style=invis]',
    '\t\tlp->pp [style=invis]',
    '\t}',
  ];
  return [
    'digraph {',
    ...dotNamespaceClusters(clusters),
    ...[...external].sort(compareText).map((id) => `\t${dotString(id)} [label=${dotString(id)} color="blue" fontcolor="blue"]`),
    ...edges.sort(compareText),
    ...legend,
    '}',
  ].join('\n');
}

/** Formats a diff; an empty string when nothing changed (as netpol-analyzer prints). */
export function formatDiff(format: DiffFormat, diff: ConnectivityDiff): string {
  const changes = diff.entries.filter((e) => e.type !== 'unchanged');
  if (format === 'json') {
    const sorted = ORDER.flatMap((type) =>
      changes.filter((e) => e.type === type).sort((a, b) => compareText(a.src, b.src) || compareText(a.dst, b.dst)),
    );
    const records = sorted.map((e) => ({
      'diff-type': e.type,
      src: e.src,
      dst: e.dst,
      ref1: connText(e.ref1),
      ref2: connText(e.ref2),
      ...(e.info ? { 'workloads-diff-info': e.info } : {}),
    }));
    return JSON.stringify(records, null, 2);
  }
  if (changes.length === 0) return '';
  switch (format) {
    case 'txt':
      return [
        'Connectivity diff:',
        ...sortedLines(
          diff,
          (e) =>
            `diff-type: ${e.type}, source: ${e.src}, destination: ${e.dst}, ref1: ${connText(e.ref1)}, ref2: ${connText(e.ref2)}${e.info ? `, workloads-diff-info: ${e.info}` : ''}`,
        ),
      ].join('\n');
    case 'csv':
      return [
        'diff-type,source,destination,ref1,ref2,workloads-diff-info',
        ...sortedLines(diff, (e) => [e.type, e.src, e.dst, connText(e.ref1), connText(e.ref2), e.info].map(csvField).join(',')),
      ].join('\n');
    case 'md':
      return [
        '| diff-type | source | destination | ref1 | ref2 | workloads-diff-info |',
        '|-----------|--------|-------------|------|------|---------------------|',
        ...sortedLines(
          diff,
          (e) => `| ${e.type} | ${e.src} | ${e.dst} | ${connText(e.ref1)} | ${connText(e.ref2)} | ${e.info} |`,
        ),
      ].join('\n');
    case 'dot':
      return formatDiffDot(diff);
  }
  return '';
}
