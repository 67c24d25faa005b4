/**
 * Explain: why a connection between two peers is allowed or denied. Each side is explained on its
 * own (the egress side of the source, the ingress side of the destination), naming every policy
 * that selects the peer (and so isolates it for that direction) and every rule that admits the
 * other peer, with the connections it admits and where it is written.
 */
import type { K8sObject } from '../../model/k8s.js';
import type { Path } from '../../sources/yaml.js';
import { ConnSet, type Protocol } from './conn.js';
import { blockAdmits, type Connectivity, podsPeerSelects, ruleConnTo } from './connectivity.js';
import { formatRange, type IpRange, parseCidr, parseIp } from './ip.js';
import type { Direction, NetpolModel, NetworkPolicy, PeerClass, PolicyRule, RulePeer, WorkloadPeer } from './model.js';

export type ExplainPeer =
  | { readonly type: 'workload'; readonly id: string; readonly peer: WorkloadPeer }
  | { readonly type: 'ip'; readonly id: string; readonly range: IpRange };

export interface Location {
  file?: string;
  line?: number;
}

export interface RuleMatch {
  readonly rule: PolicyRule;
  /** How the rule selects the other peer: every peer (no `from`/`to`), or the matching peer entry. */
  readonly peer: string;
  readonly conn: ConnSet;
  readonly location: Location;
}

export interface PolicyVerdict {
  readonly policy: NetworkPolicy;
  readonly rules: readonly RuleMatch[];
  readonly conn: ConnSet;
  readonly location: Location;
}

export interface SideExplanation {
  readonly direction: Direction;
  /** The peer whose side this is: the source for egress, the destination for ingress. */
  readonly subject: ExplainPeer;
  /** The other peer. */
  readonly other: ExplainPeer;
  /** Whether policies select the subject for this direction (an external peer never is). */
  readonly isolated: boolean;
  readonly policies: readonly PolicyVerdict[];
  readonly conn: ConnSet;
}

export interface Explanation {
  readonly src: ExplainPeer;
  readonly dst: ExplainPeer;
  readonly egress: SideExplanation;
  readonly ingress: SideExplanation;
  readonly conn: ConnSet;
}

export function locationOf(object: K8sObject, path: Path): Location {
  const source = object.source;
  const range = object.locate(path);
  if (!source || !range) return {};
  return { file: source.path, line: source.range(range).line };
}

function formatLocation(location: Location): string {
  if (location.file === undefined) return '';
  return ` (${location.file}${location.line !== undefined ? `:${location.line}` : ''})`;
}

/**
 * Finds a peer by `namespace/name[Kind]`, `namespace/name`, a bare workload name, or an IP address
 * or CIDR (an external peer).
 */
export function resolvePeer(model: NetpolModel, text: string): { peer: ExplainPeer } | { error: string } {
  const trimmed = text.trim();
  const ip = parseIp(trimmed);
  if (ip)
    return { peer: { type: 'ip', id: `${trimmed}[External]`, range: { family: ip.family, start: ip.value, end: ip.value } } };
  if (trimmed.includes('/') && /^[0-9a-fA-F.:]+\/\d+$/.test(trimmed)) {
    const range = parseCidr(trimmed);
    if (typeof range === 'string') return { error: range };
    return { peer: { type: 'ip', id: `${formatRange(range)}[External]`, range } };
  }
  const exact = model.peers.filter((p) => p.id === trimmed);
  const byNamespacedName = model.peers.filter((p) => `${p.namespace}/${p.name}` === trimmed);
  const byName = model.peers.filter((p) => p.name === trimmed);
  const found = exact.length > 0 ? exact : byNamespacedName.length > 0 ? byNamespacedName : byName;
  if (found.length === 0) return { error: 'no such workload in the input' };
  if (found.length > 1) return { error: `ambiguous: ${found.map((p) => p.id).join(', ')}` };
  const peer = found[0] as WorkloadPeer;
  return { peer: { type: 'workload', id: peer.id, peer } };
}

function peerText(peer: RulePeer): string {
  switch (peer.kind) {
    case 'pods': {
      const parts: string[] = [];
      if (peer.namespaceSelector) parts.push(`namespaceSelector ${peer.namespaceSelector.toString()}`);
      if (peer.podSelector) parts.push(`podSelector ${peer.podSelector.toString()}`);
      return parts.join(' and ');
    }
    case 'ip':
      return `ipBlock ${peer.cidr}${peer.except.length > 0 ? ` except ${peer.except.join(', ')}` : ''}`;
    case 'invalid':
      return 'an invalid peer';
  }
  return '';
}

/** The entry of a rule that selects the other peer (`any peer` for a rule without peers). */
function matchingPeer(connectivity: Connectivity, rule: PolicyRule, other: ExplainPeer): string | undefined {
  if (rule.peers === undefined) return rule.direction === 'egress' ? 'every destination (no `to`)' : 'every source (no `from`)';
  for (const peer of rule.peers) {
    if (peer.kind === 'pods' && other.type === 'workload') {
      const peerClass = connectivity.model.classes[other.peer.classIndex] as PeerClass;
      if (podsPeerSelects(peer, rule.policy, peerClass)) return `peer ${peer.index + 1}: ${peerText(peer)}`;
    } else if (peer.kind === 'ip' && other.type === 'ip' && blockAdmits(peer.block, other.range)) {
      return `peer ${peer.index + 1}: ${peerText(peer)}`;
    }
  }
  return undefined;
}

function explainSide(
  connectivity: Connectivity,
  direction: Direction,
  subject: ExplainPeer,
  other: ExplainPeer,
): SideExplanation {
  if (subject.type === 'ip') return { direction, subject, other, isolated: false, policies: [], conn: ConnSet.all };
  const classes = connectivity.model.classes;
  const subjectClass = classes[subject.peer.classIndex] as PeerClass;
  const policies = connectivity.selecting(subjectClass, direction);
  if (policies.length === 0) return { direction, subject, other, isolated: false, policies: [], conn: ConnSet.all };
  // Named ports resolve on the destination: the subject for ingress, the other peer for egress.
  const dstClass =
    direction === 'ingress'
      ? subjectClass
      : other.type === 'workload'
        ? (classes[other.peer.classIndex] as PeerClass)
        : undefined;
  let conn = ConnSet.none;
  const verdicts: PolicyVerdict[] = policies.map((policy) => {
    const rules: RuleMatch[] = [];
    let policyConn = ConnSet.none;
    for (const rule of direction === 'ingress' ? policy.ingress : policy.egress) {
      const peer = matchingPeer(connectivity, rule, other);
      if (peer === undefined) continue;
      const ruleConn = ruleConnTo(rule, dstClass);
      rules.push({ rule, peer, conn: ruleConn, location: locationOf(policy.object, rule.path) });
      policyConn = policyConn.union(ruleConn);
    }
    conn = conn.union(policyConn);
    return { policy, rules, conn: policyConn, location: locationOf(policy.object, ['metadata', 'name']) };
  });
  return { direction, subject, other, isolated: true, policies: verdicts, conn };
}

export function explainConnection(connectivity: Connectivity, src: ExplainPeer, dst: ExplainPeer): Explanation {
  const egress = explainSide(connectivity, 'egress', src, dst);
  const ingress = explainSide(connectivity, 'ingress', dst, src);
  let conn = egress.conn.intersect(ingress.conn);
  if (src.type === 'ip' && dst.type === 'ip') conn = ConnSet.none;
  return { src, dst, egress, ingress, conn };
}

function describeSide(side: SideExplanation): string[] {
  const title =
    side.direction === 'egress' ? `Egress from ${side.subject.id}: ${side.conn}` : `Ingress to ${side.subject.id}: ${side.conn}`;
  const lines = [title];
  if (side.subject.type === 'ip') {
    lines.push('  not subject to NetworkPolicies (outside the cluster)');
    return lines;
  }
  if (!side.isolated) {
    lines.push(`  no NetworkPolicy selects ${side.subject.id} for ${side.direction}: all ${side.direction} is allowed`);
    return lines;
  }
  for (const verdict of side.policies) {
    lines.push(`  NetworkPolicy ${verdict.policy.id}${formatLocation(verdict.location)} selects ${side.subject.id}`);
    if (verdict.rules.length === 0) {
      lines.push(`    no ${side.direction} rule admits ${side.other.id}`);
      continue;
    }
    for (const match of verdict.rules) {
      const name = `${side.direction} rule #${match.rule.index + 1}`;
      const admits = match.conn.isEmpty ? 'admits no connection to it (its ports do not apply)' : `allows ${match.conn}`;
      lines.push(`    ${name}${formatLocation(match.location)} matches ${side.other.id} by ${match.peer}: ${admits}`);
    }
  }
  return lines;
}

/** The text form of an explanation; with a port, the verdict for that port comes first. */
export function formatExplanation(
  explanation: Explanation,
  port?: { protocol: Protocol; start: number; end: number } | undefined,
): string {
  const lines: string[] = [];
  const { src, dst, conn } = explanation;
  if (port) {
    const wanted = ConnSet.of(port.protocol, port.start, port.end);
    const portText = `${port.protocol} ${port.start === port.end ? port.start : `${port.start}-${port.end}`}`;
    lines.push(`${src.id} => ${dst.id} on ${portText}: ${conn.covers(wanted) ? 'allowed' : 'denied'}`);
  } else {
    lines.push(`${src.id} => ${dst.id}: ${conn.isEmpty ? 'denied' : `allowed (${conn})`}`);
  }
  if (src.type === 'ip' && dst.type === 'ip') {
    lines.push('', 'Both peers are outside the cluster; NetworkPolicies do not govern this connection.');
    return lines.join('\n');
  }
  lines.push('', ...describeSide(explanation.egress), '', ...describeSide(explanation.ingress));
  return lines.join('\n');
}
