/**
 * The facts that the `netpol/*` scan rules report: namespaces left open, default-deny coverage,
 * DNS reachability under a default-deny egress, named ports that resolve to nothing, ports nothing
 * listens on, and Services that expose unprotected workloads. Pure functions of the analysis.
 */
import { asObject, asString, type K8sObject } from '../../model/k8s.js';
import type { Path } from '../../sources/yaml.js';
import { ConnSet } from './conn.js';
import { type Connectivity, podsPeerSelects, policySelects, ruleConnTo } from './connectivity.js';
import { parseIp } from './ip.js';
import {
  type ContainerPort,
  type Direction,
  NAMESPACE_NAME_LABEL,
  type NamespaceInfo,
  type NetpolModel,
  type NetworkPolicy,
  type PeerClass,
  type PolicyRule,
  type RulePort,
  type WorkloadPeer,
} from './model.js';

/** Where a namespace-level finding points: its Namespace object, or its first workload. */
export function namespaceAnchor(model: NetpolModel, namespace: string): { on: K8sObject; path: Path } | undefined {
  const info = model.namespaces.get(namespace);
  if (info?.object) return { on: info.object, path: ['metadata', 'name'] };
  const peer = model.peers.find((p) => p.namespace === namespace);
  const object = peer?.sources[0]?.object;
  if (!object) return undefined;
  return { on: object, path: object.namespace !== undefined ? ['metadata', 'namespace'] : ['metadata'] };
}

export function workloadsByNamespace(model: NetpolModel): Map<string, WorkloadPeer[]> {
  const out = new Map<string, WorkloadPeer[]>();
  for (const peer of model.peers) {
    const list = out.get(peer.namespace);
    if (list) list.push(peer);
    else out.set(peer.namespace, [peer]);
  }
  return out;
}

/** Policies of a namespace that isolate every pod in it for a direction (an empty podSelector). */
export function defaultDenyPolicies(model: NetpolModel, namespace: string, direction: Direction): NetworkPolicy[] {
  return (model.policiesByNamespace.get(namespace) ?? []).filter(
    (p) => p.podSelector.isEmpty && (direction === 'ingress' ? p.affectsIngress : p.affectsEgress),
  );
}

/** Workloads of a namespace that no policy selects for a direction (open for it). */
export function unisolatedWorkloads(connectivity: Connectivity, workloads: readonly WorkloadPeer[], direction: Direction) {
  return workloads.filter((w) => !connectivity.view(w.classIndex, direction).isolated);
}

/** Egress allowed from a class to another class, by the policies that select the source. */
export function egressAllows(connectivity: Connectivity, src: PeerClass, dst: PeerClass): ConnSet {
  const policies = (connectivity.model.policiesByNamespace.get(src.namespace.name) ?? []).filter((p) =>
    policySelects(p, src, 'egress'),
  );
  if (policies.length === 0) return ConnSet.all;
  let conn = ConnSet.none;
  for (const policy of policies) {
    for (const rule of policy.egress) {
      const selects =
        rule.peers === undefined || rule.peers.some((peer) => peer.kind === 'pods' && podsPeerSelects(peer, policy, dst));
      if (selects) conn = conn.union(ruleConnTo(rule, dst));
    }
  }
  return conn;
}

/** Egress allowed from a class to one external address. */
export function egressAllowsAddress(connectivity: Connectivity, src: PeerClass, address: string): ConnSet {
  const ip = parseIp(address);
  if (!ip) return ConnSet.none;
  const range = { family: ip.family, start: ip.value, end: ip.value };
  const policies = (connectivity.model.policiesByNamespace.get(src.namespace.name) ?? []).filter((p) =>
    policySelects(p, src, 'egress'),
  );
  if (policies.length === 0) return ConnSet.all;
  let conn = ConnSet.none;
  for (const policy of policies) {
    for (const rule of policy.egress) {
      const selects =
        rule.peers === undefined || rule.peers.some((peer) => peer.kind === 'ip' && peer.block.containsRange(range));
      if (selects) conn = conn.union(ruleConnTo(rule, undefined));
    }
  }
  return conn;
}

export const DNS = ConnSet.of('UDP', 53).union(ConnSet.of('TCP', 53));

/** The address NodeLocal DNSCache listens on in every node. */
export const NODE_LOCAL_DNS = '169.254.20.10';

const DNS_LABELS: readonly Record<string, string>[] = [
  { 'k8s-app': 'kube-dns' },
  { 'k8s-app': 'coredns' },
  { 'app.kubernetes.io/name': 'coredns' },
  { 'k8s-app': 'node-local-dns' },
];

const COREDNS_PORTS: readonly ContainerPort[] = [
  { name: 'dns', port: 53, protocol: 'UDP' },
  { name: 'dns-tcp', port: 53, protocol: 'TCP' },
];

function isDnsWorkload(peer: WorkloadPeer): boolean {
  return (
    peer.namespace === 'kube-system' &&
    DNS_LABELS.some((labels) => Object.entries(labels).every(([k, v]) => peer.labels[k] === v))
  );
}

function kubeSystem(model: NetpolModel): NamespaceInfo {
  return (
    model.namespaces.get('kube-system') ?? {
      name: 'kube-system',
      labels: { [NAMESPACE_NAME_LABEL]: 'kube-system' },
      object: undefined,
    }
  );
}

/**
 * Where cluster DNS runs: the DNS workloads of the input when it has them; otherwise pods with the
 * usual CoreDNS/kube-dns labels in kube-system (an assumption, stated in the docs).
 */
export function dnsTargets(model: NetpolModel): { classes: PeerClass[]; assumed: boolean } {
  const real = [...new Set(model.peers.filter(isDnsWorkload).map((p) => p.classIndex))].map((i) => model.classes[i] as PeerClass);
  if (real.length > 0) return { classes: real, assumed: false };
  const namespace = kubeSystem(model);
  return {
    classes: DNS_LABELS.map((labels, i) => ({ index: -1 - i, namespace, labels, ports: COREDNS_PORTS, members: [] })),
    assumed: true,
  };
}

export interface DnsProblem {
  /** The policies that isolate the affected workloads for egress (default-deny ones first). */
  policies: NetworkPolicy[];
  /** The affected workloads (peer names), or a description of the pods the policy selects. */
  workloads: string[];
  /** What egress does allow towards DNS, for the message. */
  allowed: ConnSet;
  assumed: boolean;
}

/** A pod that a policy would select when the input has no workload for it: its equality labels. */
function syntheticClass(model: NetpolModel, policy: NetworkPolicy): PeerClass | undefined {
  const labels = policy.podSelector.equalityLabels;
  if (!labels) return undefined;
  const namespace = model.namespaces.get(policy.namespace) ?? {
    name: policy.namespace,
    labels: { [NAMESPACE_NAME_LABEL]: policy.namespace },
    object: undefined,
  };
  return { index: -100 - policy.index, namespace, labels, ports: [], members: [] };
}

/** Workloads whose egress is denied by default and has no path to cluster DNS on UDP and TCP 53. */
export function dnsProblems(connectivity: Connectivity): DnsProblem[] {
  const model = connectivity.model;
  const targets = dnsTargets(model);
  const byNamespace = workloadsByNamespace(model);
  const problems = new Map<string, DnsProblem>();
  const check = (src: PeerClass): { ok: boolean; allowed: ConnSet } => {
    let best = ConnSet.none;
    for (const target of targets.classes) {
      const conn = egressAllows(connectivity, src, target).intersect(DNS);
      if (conn.covers(DNS)) return { ok: true, allowed: conn };
      best = best.union(conn);
    }
    const local = egressAllowsAddress(connectivity, src, NODE_LOCAL_DNS).intersect(DNS);
    if (local.covers(DNS)) return { ok: true, allowed: local };
    return { ok: false, allowed: best.union(local) };
  };
  const record = (policies: NetworkPolicy[], workload: string, allowed: ConnSet) => {
    const defaults = policies.filter((p) => p.podSelector.isEmpty);
    const blamed = defaults.length > 0 ? defaults : policies;
    const key = blamed.map((p) => p.index).join(',');
    const problem = problems.get(key);
    if (problem) {
      problem.workloads.push(workload);
      problem.allowed = problem.allowed.union(allowed);
    } else problems.set(key, { policies: blamed, workloads: [workload], allowed, assumed: targets.assumed });
  };
  for (const peerClass of model.classes) {
    const view = connectivity.view(peerClass.index, 'egress');
    if (!view.isolated || peerClass.namespace.name === 'kube-system') continue;
    const result = check(peerClass);
    if (result.ok) continue;
    for (const member of peerClass.members) record([...view.policies], member.id, result.allowed);
  }
  // Policies whose namespace has no workload in the input: judge them for the pods they would select.
  for (const policy of model.policies) {
    if (!policy.affectsEgress || byNamespace.has(policy.namespace) || policy.namespace === 'kube-system') continue;
    const probe = syntheticClass(model, policy);
    if (!probe) continue;
    const selecting = (model.policiesByNamespace.get(policy.namespace) ?? []).filter((p) => policySelects(p, probe, 'egress'));
    const result = check(probe);
    if (!result.ok) {
      const labels = policy.podSelector.isEmpty ? 'every pod' : `pods ${policy.podSelector.toString()}`;
      record(selecting, `${labels} in ${policy.namespace}`, result.allowed);
    }
  }
  return [...problems.values()];
}

export interface PortProblem {
  rule: PolicyRule;
  port: RulePort;
  /** The workloads the port was resolved against. */
  targets: WorkloadPeer[];
  /** For named ports with ipBlock peers only. */
  ipOnly?: boolean;
}

/** The workloads a rule's ports apply to: the selected pods (ingress) or the destinations (egress). */
export function portTargets(connectivity: Connectivity, rule: PolicyRule): { workloads: WorkloadPeer[]; ipOnly: boolean } {
  const model = connectivity.model;
  const policy = rule.policy;
  if (rule.direction === 'ingress') {
    const workloads = connectivity
      .classesIn(policy.namespace)
      .filter((c) => policySelects(policy, c, 'ingress'))
      .flatMap((c) => c.members);
    return { workloads, ipOnly: false };
  }
  if (rule.peers === undefined) return { workloads: [...model.peers], ipOnly: false };
  const classes = new Set<number>();
  for (const peer of rule.peers) {
    if (peer.kind === 'pods') for (const index of connectivity.classesOf(peer, policy).members) classes.add(index);
  }
  const ipOnly = rule.peers.every((p) => p.kind === 'ip');
  return { workloads: [...classes].flatMap((i) => (model.classes[i] as PeerClass).members), ipOnly };
}

/** Named ports of rules that no targeted workload defines (with the rule's protocol). */
export function unknownNamedPorts(connectivity: Connectivity): PortProblem[] {
  const out: PortProblem[] = [];
  for (const policy of connectivity.model.policies) {
    for (const rule of [...policy.ingress, ...policy.egress]) {
      if (rule.namedPorts.length === 0) continue;
      const { workloads, ipOnly } = portTargets(connectivity, rule);
      for (const port of rule.namedPorts) {
        if (ipOnly) {
          out.push({ rule, port, targets: [], ipOnly: true });
          continue;
        }
        if (workloads.length === 0) continue;
        const defined = workloads.some((w) => w.ports.some((p) => p.name === port.name && p.protocol === port.protocol));
        if (!defined) out.push({ rule, port, targets: workloads });
      }
    }
  }
  return out;
}

/**
 * Numeric ports of rules that none of the targeted workloads declares as a container port. Only
 * workloads that declare ports count: a workload that declares none may listen anywhere.
 */
export function portsNotListening(connectivity: Connectivity): PortProblem[] {
  const out: PortProblem[] = [];
  for (const policy of connectivity.model.policies) {
    for (const rule of [...policy.ingress, ...policy.egress]) {
      const numeric = (rule.ports ?? []).filter((p) => !p.invalid && p.name === undefined && p.port !== undefined);
      if (numeric.length === 0) continue;
      const { workloads } = portTargets(connectivity, rule);
      if (workloads.length === 0 || workloads.some((w) => w.ports.length === 0)) continue;
      for (const port of numeric) {
        const start = port.port as number;
        const end = port.endPort ?? start;
        const listens = workloads.some((w) =>
          w.ports.some((p) => p.protocol === port.protocol && p.port >= start && p.port <= end),
        );
        if (!listens) out.push({ rule, port, targets: workloads });
      }
    }
  }
  return out;
}

export interface MetadataProblem {
  rule: PolicyRule;
  /** The peer that admits the address (undefined: the rule has no peers). */
  peerPath: Path | undefined;
  address: string;
}

export const METADATA_ADDRESSES = ['169.254.169.254', 'fd00:ec2::254'] as const;

/** Egress rules that allow HTTP to a cloud metadata address. */
export function metadataEgress(model: NetpolModel): MetadataProblem[] {
  const out: MetadataProblem[] = [];
  for (const policy of model.policies) {
    if (!policy.affectsEgress) continue;
    for (const rule of policy.egress) {
      const conn = ruleConnTo(rule, undefined);
      if (!conn.contains('TCP', 80)) continue;
      for (const address of METADATA_ADDRESSES) {
        const ip = parseIp(address);
        if (!ip) continue;
        const range = { family: ip.family, start: ip.value, end: ip.value };
        if (rule.peers === undefined) {
          if (address === METADATA_ADDRESSES[0]) out.push({ rule, peerPath: undefined, address });
          continue;
        }
        const peer = rule.peers.find((p) => p.kind === 'ip' && p.block.containsRange(range));
        if (peer) out.push({ rule, peerPath: [...peer.path, 'ipBlock', 'cidr'], address });
      }
    }
  }
  return out;
}

export interface ExposedService {
  service: K8sObject;
  type: string;
  workloads: WorkloadPeer[];
}

/** NodePort and LoadBalancer Services whose selected workloads no policy isolates for ingress. */
export function exposedServices(connectivity: Connectivity): ExposedService[] {
  const out: ExposedService[] = [];
  const model = connectivity.model;
  const byNamespace = workloadsByNamespace(model);
  for (const service of model.services) {
    const spec = asObject(service.value.spec) ?? {};
    const type = asString(spec.type) ?? 'ClusterIP';
    if (type !== 'NodePort' && type !== 'LoadBalancer') continue;
    const selector = asObject(spec.selector);
    if (!selector || Object.keys(selector).length === 0) continue;
    const namespace = service.namespace ?? 'default';
    const workloads = (byNamespace.get(namespace) ?? []).filter((p) =>
      Object.entries(selector).every(([k, v]) => p.labels[k] === String(v)),
    );
    const open = workloads.filter((w) => !connectivity.view(w.classIndex, 'ingress').isolated);
    if (open.length > 0) out.push({ service, type, workloads: open });
  }
  return out;
}

/** Whether an ipBlock admits the whole address space of its family (0.0.0.0/0, ::/0). */
export function isAnyAddress(cidr: string): boolean {
  return /\/0$/.test(cidr.trim());
}
