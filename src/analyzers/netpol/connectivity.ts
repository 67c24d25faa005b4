/**
 * The connectivity map: which connections NetworkPolicies allow between workloads, and between
 * workloads and addresses outside the cluster.
 *
 * A connection from A to B is allowed when the egress side of A allows it (no policy selects A
 * for egress, or some egress rule of a policy that selects A admits B on that port) and the
 * ingress side of B allows it likewise. Workloads with the same namespace, labels and named ports
 * are indistinguishable to policies, so the map is computed once per such class and expanded to
 * the workloads afterwards. Traffic from outside the cluster is modelled as the disjoint address
 * ranges that the ingress rules' ipBlocks cut the address space into (and likewise for egress).
 */
import { ConnSet } from './conn.js';
import { disjointRanges, formatRange, type IpRange, type IpSet } from './ip.js';
import type { Direction, NetpolModel, NetworkPolicy, PeerClass, PodsPeer, PolicyRule, WorkloadPeer } from './model.js';

/** An address range outside the cluster, named `a.b.c.d-e.f.g.h[External]`. */
export interface IpPeer {
  readonly type: 'ip';
  readonly index: number;
  readonly range: IpRange;
  readonly id: string;
}

export type Peer = WorkloadPeer | IpPeer;

export interface Connection {
  readonly src: Peer;
  readonly dst: Peer;
  readonly conn: ConnSet;
}

/** A set of peer classes, as a bit set for membership and a list for iteration. */
export class ClassSet {
  readonly bits: Uint32Array;
  readonly members: readonly number[];

  constructor(size: number, members: readonly number[]) {
    this.bits = new Uint32Array((size >> 5) + 1);
    this.members = members;
    for (const m of members) this.bits[m >> 5] = (this.bits[m >> 5] as number) | (1 << (m & 31));
  }

  has(index: number): boolean {
    return ((this.bits[index >> 5] as number) & (1 << (index & 31))) !== 0;
  }
}

interface Entry {
  readonly set: ClassSet;
  readonly rule: PolicyRule;
  /** Undefined when the rule has named ports that resolve per destination (egress). */
  readonly conn: ConnSet | undefined;
}

/** What one side (egress of a source, ingress of a destination) of a class allows. */
export interface SideView {
  /** False when no policy selects the class for this direction: everything is allowed. */
  readonly isolated: boolean;
  readonly policies: readonly NetworkPolicy[];
  readonly entries: readonly Entry[];
  /** Connections that rules without peers allow to or from everything. */
  readonly anyStatic: ConnSet;
  /** Egress rules without peers whose named ports resolve per destination. */
  readonly anyDynamic: readonly PolicyRule[];
  /** Connections with each external peer of this side. */
  readonly ip: readonly ConnSet[];
}

const OPEN_VIEW: SideView = {
  isolated: false,
  policies: [],
  entries: [],
  anyStatic: ConnSet.all,
  anyDynamic: [],
  ip: [],
};

/** The connections a rule's ports allow to a destination class (undefined: an external address). */
export function ruleConnTo(rule: PolicyRule, dst: PeerClass | undefined): ConnSet {
  if (rule.ports === undefined) return ConnSet.all;
  let conn = rule.staticConn;
  if (dst === undefined) return conn;
  for (const named of rule.namedPorts) {
    // The name resolves to the destination pod's container port of that name, on the same protocol.
    const match = dst.ports.find((p) => p.name === named.name);
    if (match && match.protocol === named.protocol) conn = conn.union(ConnSet.of(named.protocol, match.port));
  }
  return conn;
}

/** Whether a policy selects the pods of a class, for a direction. */
export function policySelects(policy: NetworkPolicy, peerClass: PeerClass, direction: Direction): boolean {
  if (policy.namespace !== peerClass.namespace.name) return false;
  if (direction === 'ingress' ? !policy.affectsIngress : !policy.affectsEgress) return false;
  return policy.podSelector.matches(peerClass.labels);
}

/** Whether a pods peer of a rule of `policy` selects a class. */
export function podsPeerSelects(peer: PodsPeer, policy: NetworkPolicy, peerClass: PeerClass): boolean {
  if (peer.namespaceSelector === undefined) {
    if (peerClass.namespace.name !== policy.namespace) return false;
  } else if (!peer.namespaceSelector.matches(peerClass.namespace.labels)) return false;
  return peer.podSelector === undefined || peer.podSelector.matches(peerClass.labels);
}

/** Whether an ipBlock admits every address of a range (netpol-analyzer: ipBlocks never select pods). */
export function blockAdmits(block: IpSet, range: IpRange): boolean {
  return block.containsRange(range);
}

export class Connectivity {
  readonly model: NetpolModel;
  /** External peers as sources (cut by the ingress rules' ipBlocks). */
  readonly srcIps: readonly IpPeer[];
  /** External peers as destinations (cut by the egress rules' ipBlocks). */
  readonly dstIps: readonly IpPeer[];
  readonly #ingress: (SideView | undefined)[];
  readonly #egress: (SideView | undefined)[];
  readonly #sets = new Map<string, ClassSet>();
  readonly #classesByNamespace = new Map<string, number[]>();
  /** One instance per distinct connection set, so that a million connections share a few sets. */
  readonly #interned = new Map<number, ConnSet[]>();

  constructor(model: NetpolModel) {
    this.model = model;
    const ingressBlocks: IpSet[] = [];
    const egressBlocks: IpSet[] = [];
    for (const policy of model.policies) {
      for (const rule of policy.ingress)
        for (const peer of rule.peers ?? []) if (peer.kind === 'ip') ingressBlocks.push(peer.block);
      for (const rule of policy.egress)
        for (const peer of rule.peers ?? []) if (peer.kind === 'ip') egressBlocks.push(peer.block);
    }
    const toPeers = (ranges: IpRange[]): IpPeer[] =>
      ranges.map((range, index) => ({ type: 'ip', index, range, id: `${formatRange(range)}[External]` }));
    this.srcIps = toPeers(disjointRanges(ingressBlocks));
    this.dstIps = toPeers(disjointRanges(egressBlocks));
    this.#ingress = new Array(model.classes.length);
    this.#egress = new Array(model.classes.length);
    for (const peerClass of model.classes) {
      const list = this.#classesByNamespace.get(peerClass.namespace.name);
      if (list) list.push(peerClass.index);
      else this.#classesByNamespace.set(peerClass.namespace.name, [peerClass.index]);
    }
  }

  /** The classes a pods peer of a rule of `policy` selects (shared between equal peers). */
  classesOf(peer: PodsPeer, policy: NetworkPolicy): ClassSet {
    const nsKey = peer.namespaceSelector === undefined ? `=${policy.namespace}` : `~${peer.namespaceSelector.key}`;
    const key = `${nsKey}\u0000${peer.podSelector === undefined ? '*' : peer.podSelector.key}`;
    let set = this.#sets.get(key);
    if (set) return set;
    const members: number[] = [];
    const classes = this.model.classes;
    const namespaces =
      peer.namespaceSelector === undefined
        ? [policy.namespace]
        : [...this.model.namespaces.values()].filter((ns) => peer.namespaceSelector?.matches(ns.labels)).map((ns) => ns.name);
    for (const namespace of namespaces) {
      for (const index of this.#classesByNamespace.get(namespace) ?? []) {
        const peerClass = classes[index] as PeerClass;
        if (peer.podSelector === undefined || peer.podSelector.matches(peerClass.labels)) members.push(index);
      }
    }
    members.sort((a, b) => a - b);
    set = new ClassSet(classes.length, members);
    this.#sets.set(key, set);
    return set;
  }

  /** The classes of the workloads of a namespace. */
  classesIn(namespace: string): PeerClass[] {
    return (this.#classesByNamespace.get(namespace) ?? []).map((i) => this.model.classes[i] as PeerClass);
  }

  /** The policies that select a class for a direction. */
  selecting(peerClass: PeerClass, direction: Direction): NetworkPolicy[] {
    return (this.model.policiesByNamespace.get(peerClass.namespace.name) ?? []).filter((p) =>
      policySelects(p, peerClass, direction),
    );
  }

  view(classIndex: number, direction: Direction): SideView {
    const cache = direction === 'ingress' ? this.#ingress : this.#egress;
    let view = cache[classIndex];
    if (!view) {
      view = this.#buildView(this.model.classes[classIndex] as PeerClass, direction);
      cache[classIndex] = view;
    }
    return view;
  }

  #buildView(peerClass: PeerClass, direction: Direction): SideView {
    const policies = this.selecting(peerClass, direction);
    if (policies.length === 0) return OPEN_VIEW;
    const ips = direction === 'ingress' ? this.srcIps : this.dstIps;
    const ip: ConnSet[] = new Array(ips.length).fill(ConnSet.none);
    const entries: Entry[] = [];
    const anyDynamic: PolicyRule[] = [];
    let anyStatic = ConnSet.none;
    for (const policy of policies) {
      for (const rule of direction === 'ingress' ? policy.ingress : policy.egress) {
        // Ingress rules' named ports resolve on the selected (destination) pods, which are this
        // class; egress rules' named ports resolve on each destination.
        const conn = direction === 'ingress' ? ruleConnTo(rule, peerClass) : rule.staticConn;
        const dynamic = direction === 'egress' && rule.namedPorts.length > 0;
        if (conn.isEmpty && !dynamic) continue;
        if (rule.peers === undefined) {
          anyStatic = anyStatic.union(conn);
          if (dynamic) anyDynamic.push(rule);
          continue;
        }
        for (const peer of rule.peers) {
          if (peer.kind === 'pods') {
            const set = this.classesOf(peer, policy);
            if (set.members.length > 0) entries.push({ set, rule, conn: dynamic ? undefined : conn });
          } else if (peer.kind === 'ip' && !conn.isEmpty) {
            ips.forEach((ipPeer, i) => {
              if (blockAdmits(peer.block, ipPeer.range)) ip[i] = (ip[i] as ConnSet).union(conn);
            });
          }
        }
      }
    }
    if (!anyStatic.isEmpty) for (let i = 0; i < ip.length; i++) ip[i] = (ip[i] as ConnSet).union(anyStatic);
    return { isolated: true, policies, entries, anyStatic, anyDynamic, ip };
  }

  /** What a side view allows with another class (the destination for egress, the source for ingress). */
  #allows(view: SideView, other: PeerClass): ConnSet {
    if (!view.isolated) return ConnSet.all;
    let conn = view.anyStatic;
    for (const rule of view.anyDynamic) conn = conn.union(ruleConnTo(rule, other));
    for (const entry of view.entries) {
      if (conn.isAll) break;
      if (entry.set.has(other.index)) conn = conn.union(entry.conn ?? ruleConnTo(entry.rule, other));
    }
    return conn;
  }

  #intern(conn: ConnSet): ConnSet {
    if (conn === ConnSet.all || conn === ConnSet.none) return conn;
    const key = conn.hash;
    const bucket = this.#interned.get(key);
    if (!bucket) this.#interned.set(key, [conn]);
    else {
      for (const known of bucket) if (known === conn || known.equals(conn)) return known;
      bucket.push(conn);
    }
    return conn;
  }

  /** Allowed connections from the pods of one class to the pods of another. */
  classConn(src: number, dst: number): ConnSet {
    const classes = this.model.classes;
    const egress = this.#allows(this.view(src, 'egress'), classes[dst] as PeerClass);
    if (egress.isEmpty) return ConnSet.none;
    return this.#intern(egress.intersect(this.#allows(this.view(dst, 'ingress'), classes[src] as PeerClass)));
  }

  /** Allowed connections from an external source peer to a class. */
  fromIp(ipIndex: number, dst: number): ConnSet {
    const view = this.view(dst, 'ingress');
    return view.isolated ? (view.ip[ipIndex] ?? ConnSet.none) : ConnSet.all;
  }

  /** Allowed connections from a class to an external destination peer. */
  toIp(src: number, ipIndex: number): ConnSet {
    const view = this.view(src, 'egress');
    return view.isolated ? (view.ip[ipIndex] ?? ConnSet.none) : ConnSet.all;
  }

  /** Every pair of classes with some allowed connection, with work proportional to the answer. */
  forEachClassPair(callback: (src: number, dst: number, conn: ConnSet) => void): void {
    const n = this.model.classes.length;
    const open: number[] = [];
    const anyIngress: number[] = [];
    const inverse = new Map<ClassSet, number[]>();
    for (let d = 0; d < n; d++) {
      const view = this.view(d, 'ingress');
      if (!view.isolated) open.push(d);
      else if (!view.anyStatic.isEmpty) anyIngress.push(d);
      else {
        for (const entry of view.entries) {
          const list = inverse.get(entry.set);
          if (list) list.push(d);
          else inverse.set(entry.set, [d]);
        }
      }
    }
    const mark = new Int32Array(n).fill(-1);
    const candidates: number[] = [];
    for (let c = 0; c < n; c++) {
      candidates.length = 0;
      const add = (d: number) => {
        if (mark[d] !== c) {
          mark[d] = c;
          candidates.push(d);
        }
      };
      const egress = this.view(c, 'egress');
      if (egress.isolated && egress.anyStatic.isEmpty && egress.anyDynamic.length === 0) {
        for (const entry of egress.entries) for (const d of entry.set.members) add(d);
      } else {
        for (const d of open) add(d);
        for (const d of anyIngress) add(d);
        for (const [set, ds] of inverse) if (set.has(c)) for (const d of ds) add(d);
      }
      for (const d of candidates) {
        const conn = this.classConn(c, d);
        if (!conn.isEmpty) callback(c, d, conn);
      }
    }
  }

  /**
   * Every allowed connection between distinct workloads and between workloads and external
   * peers. A workload's connections to itself are left out; external-to-external never occurs.
   */
  forEachConnection(callback: (connection: Connection) => void): void {
    const { classes } = this.model;
    if (this.model.peers.length === 0) return;
    this.forEachClassPair((c, d, conn) => {
      const srcs = (classes[c] as PeerClass).members;
      const dsts = (classes[d] as PeerClass).members;
      for (const src of srcs) for (const dst of dsts) if (src !== dst) callback({ src, dst, conn });
    });
    for (const ipPeer of this.srcIps) {
      for (const peerClass of classes) {
        const conn = this.fromIp(ipPeer.index, peerClass.index);
        if (conn.isEmpty) continue;
        for (const dst of peerClass.members) callback({ src: ipPeer, dst, conn });
      }
    }
    for (const peerClass of classes) {
      for (const ipPeer of this.dstIps) {
        const conn = this.toIp(peerClass.index, ipPeer.index);
        if (conn.isEmpty) continue;
        for (const src of peerClass.members) callback({ src, dst: ipPeer, conn });
      }
    }
  }

  connections(): Connection[] {
    const out: Connection[] = [];
    this.forEachConnection((c) => out.push(c));
    return out;
  }

  /** Allowed connections between two workloads (all connections from a workload to itself). */
  between(src: WorkloadPeer, dst: WorkloadPeer): ConnSet {
    if (src === dst) return ConnSet.all;
    return this.classConn(src.classIndex, dst.classIndex);
  }
}

export function connectivityOf(model: NetpolModel): Connectivity {
  return new Connectivity(model);
}
