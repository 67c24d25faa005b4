/**
 * The NetworkPolicy model of a set of objects: namespaces (with the automatic
 * `kubernetes.io/metadata.name` label), workload peers (one per pod template, pods grouped by
 * their controlling owner), equivalence classes of peers, and `networking.k8s.io/v1`
 * NetworkPolicies parsed with their defaults and validated as the API server validates them.
 * Pure: built from an ObjectSet, no I/O.
 */
import { asArray, asObject, asString, isObject, type K8sObject } from '../../model/k8s.js';
import type { ObjectSet } from '../../model/object-set.js';
import type { Workload } from '../../model/workload.js';
import type { Path } from '../../sources/yaml.js';
import { ConnSet, isProtocol, MAX_PORT, MIN_PORT, type Protocol } from './conn.js';
import { type IpRange, IpSet, parseCidr, rangeContains } from './ip.js';
import { type Labels, parseSelector, type Selector } from './selector.js';

export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';
export const DEFAULT_NAMESPACE = 'default';

/** A problem in the input that the API server would reject or that makes the analysis ambiguous. */
export interface NetpolIssue {
  /** Absent: invalid (the API server rejects it); `duplicate`: a name defined twice with different content; `ambiguous`: pods of one workload that policies treat differently. */
  kind?: 'duplicate' | 'ambiguous';
  object: K8sObject | undefined;
  /** For duplicates: the definition that is used. */
  other?: K8sObject;
  path: Path;
  message: string;
}

/** Deep equality of two plain values (objects compared key by key, in any order). */
export function sameContent(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((v, i) => sameContent(v, b[i]));
  }
  if (!isObject(a) || !isObject(b)) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && sameContent(a[k], b[k]));
}

export interface NamespaceInfo {
  readonly name: string;
  readonly labels: Labels;
  /** The Namespace object, when the input has one. */
  readonly object: K8sObject | undefined;
}

export interface ContainerPort {
  readonly name: string | undefined;
  readonly port: number;
  readonly protocol: Protocol;
}

/** Where a workload peer comes from: an object and the path of its pod template metadata. */
export interface PeerSource {
  readonly object: K8sObject;
  readonly workload: Workload;
}

/** A workload: the pods of one controller (or one bare pod), named `namespace/name[Kind]`. */
export interface WorkloadPeer {
  readonly type: 'workload';
  readonly index: number;
  readonly name: string;
  readonly namespace: string;
  readonly kind: string;
  /** `namespace/name[Kind]`, netpol-analyzer's peer name. */
  readonly id: string;
  readonly labels: Labels;
  readonly ports: readonly ContainerPort[];
  readonly sources: PeerSource[];
  classIndex: number;
}

/** Workloads in one namespace with the same labels and named ports: policies treat them alike. */
export interface PeerClass {
  readonly index: number;
  readonly namespace: NamespaceInfo;
  readonly labels: Labels;
  readonly ports: readonly ContainerPort[];
  readonly members: WorkloadPeer[];
}

export interface PodsPeer {
  readonly kind: 'pods';
  readonly index: number;
  readonly path: Path;
  /** Undefined: the policy's own namespace. */
  readonly namespaceSelector: Selector | undefined;
  /** Undefined: every pod of the selected namespaces. */
  readonly podSelector: Selector | undefined;
}

export interface IpBlockPeer {
  readonly kind: 'ip';
  readonly index: number;
  readonly path: Path;
  readonly cidr: string;
  readonly except: readonly string[];
  readonly block: IpSet;
}

/** A peer entry that is invalid: it selects nothing (the narrowest reading). */
export interface InvalidPeer {
  readonly kind: 'invalid';
  readonly index: number;
  readonly path: Path;
}

export type RulePeer = PodsPeer | IpBlockPeer | InvalidPeer;

export interface RulePort {
  readonly index: number;
  readonly path: Path;
  readonly protocol: Protocol;
  /** Undefined: every port of the protocol. */
  readonly port: number | undefined;
  readonly endPort: number | undefined;
  readonly name: string | undefined;
  /** The entry is invalid and matches nothing. */
  readonly invalid: boolean;
}

export type Direction = 'ingress' | 'egress';

export interface PolicyRule {
  readonly policy: NetworkPolicy;
  readonly direction: Direction;
  readonly index: number;
  readonly path: Path;
  /** Undefined: every peer (`from`/`to` missing or empty), in the cluster and outside it. */
  readonly peers: readonly RulePeer[] | undefined;
  /** Undefined: every port and protocol. */
  readonly ports: readonly RulePort[] | undefined;
  /** The connections of the numeric ports (all connections when `ports` is undefined). */
  readonly staticConn: ConnSet;
  readonly namedPorts: readonly RulePort[];
}

export interface NetworkPolicy {
  readonly index: number;
  readonly object: K8sObject;
  readonly name: string;
  readonly namespace: string;
  /** `namespace/name`. */
  readonly id: string;
  readonly podSelector: Selector;
  readonly affectsIngress: boolean;
  readonly affectsEgress: boolean;
  /** Whether `policyTypes` was written (rather than defaulted). */
  readonly explicitTypes: boolean;
  readonly ingress: readonly PolicyRule[];
  readonly egress: readonly PolicyRule[];
}

export interface NetpolModel {
  readonly namespaces: ReadonlyMap<string, NamespaceInfo>;
  readonly peers: readonly WorkloadPeer[];
  readonly classes: readonly PeerClass[];
  readonly policies: readonly NetworkPolicy[];
  readonly policiesByNamespace: ReadonlyMap<string, readonly NetworkPolicy[]>;
  readonly issues: readonly NetpolIssue[];
  /** Services of the input, for exposure checks. */
  readonly services: readonly K8sObject[];
  /**
   * Namespaces with custom resources (objects of API groups that are not built in): an operator
   * may create pods there that the input does not show.
   */
  readonly operatorNamespaces: ReadonlySet<string>;
}

const BUILT_IN_GROUPS = new Set([
  '',
  'apps',
  'batch',
  'extensions',
  'policy',
  'autoscaling',
  'networking.k8s.io',
  'rbac.authorization.k8s.io',
  'storage.k8s.io',
  'admissionregistration.k8s.io',
  'apiextensions.k8s.io',
  'apiregistration.k8s.io',
  'certificates.k8s.io',
  'coordination.k8s.io',
  'discovery.k8s.io',
  'events.k8s.io',
  'flowcontrol.apiserver.k8s.io',
  'node.k8s.io',
  'scheduling.k8s.io',
  'resource.k8s.io',
]);

const WORKLOAD_KINDS = new Set([
  'Pod',
  'Deployment',
  'ReplicaSet',
  'StatefulSet',
  'DaemonSet',
  'Job',
  'CronJob',
  'ReplicationController',
]);

function stringLabels(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  const map = asObject(value);
  if (!map) return out;
  for (const [key, raw] of Object.entries(map)) {
    if (raw === null || raw === undefined) continue;
    out[key] = typeof raw === 'string' ? raw : String(raw);
  }
  return out;
}

export function isNetworkPolicy(object: K8sObject): boolean {
  return object.kind === 'NetworkPolicy' && (object.group === 'networking.k8s.io' || object.group === 'extensions');
}

function isNamespace(object: K8sObject): boolean {
  return object.kind === 'Namespace' && object.group === '';
}

function isService(object: K8sObject): boolean {
  return object.kind === 'Service' && object.group === '';
}

function containerPorts(workload: Workload): ContainerPort[] {
  const out: ContainerPort[] = [];
  for (const container of workload.containers) {
    if (container.kind !== 'containers') continue;
    for (const entry of asArray(container.value.ports)) {
      const port = asObject(entry);
      const number = port?.containerPort;
      if (typeof number !== 'number' || !Number.isInteger(number)) continue;
      const protocolText = asString(port?.protocol)?.toUpperCase() ?? 'TCP';
      const protocol: Protocol = isProtocol(protocolText) ? protocolText : 'TCP';
      out.push({ name: asString(port?.name), port: number, protocol });
    }
  }
  return out;
}

/** The controlling owner of a pod, as netpol-analyzer names workloads; undefined for a bare pod. */
function podOwner(object: K8sObject): { name: string; kind: string } | undefined {
  for (const entry of asArray(object.metadata.ownerReferences)) {
    const ref = asObject(entry);
    if (ref?.controller !== true) continue;
    const kind = asString(ref.kind) ?? '';
    const name = asString(ref.name) ?? '';
    if (kind === 'Node' || name === '') return undefined;
    return { name, kind: kind === '' ? 'Pod' : kind };
  }
  return undefined;
}

const IANA_SVC_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;

function portNameProblem(name: string): string | undefined {
  if (name.length > 15) return 'must be no more than 15 characters';
  if (!IANA_SVC_NAME.test(name)) return 'must contain only lowercase alphanumeric characters or "-" and start and end with one';
  if (name.includes('--')) return 'must not contain consecutive hyphens';
  if (!/[a-z]/.test(name)) return 'must contain at least one letter';
  return undefined;
}

interface PolicyBuilder {
  policy: NetworkPolicy;
  issues: NetpolIssue[];
}

function parsePorts(
  object: K8sObject,
  value: unknown,
  path: Path,
  issues: NetpolIssue[],
): { ports: RulePort[] | undefined; staticConn: ConnSet; named: RulePort[] } {
  const list = asArray(value);
  if (value !== undefined && value !== null && !Array.isArray(value)) {
    issues.push({ object, path, message: 'ports must be a list' });
  }
  if (list.length === 0) return { ports: undefined, staticConn: ConnSet.all, named: [] };
  const ports: RulePort[] = [];
  const named: RulePort[] = [];
  let staticConn = ConnSet.none;
  list.forEach((entry, index) => {
    const at = [...path, index];
    const map = asObject(entry) ?? {};
    const protocolValue = map.protocol;
    let invalid = false;
    let protocol: Protocol = 'TCP';
    if (protocolValue !== undefined && protocolValue !== null) {
      const text = String(protocolValue);
      if (isProtocol(text)) protocol = text;
      else {
        issues.push({
          object,
          path: [...at, 'protocol'],
          message: `ports[${index}].protocol: Unsupported value: "${text}": supported values: "SCTP", "TCP", "UDP"`,
        });
        invalid = true;
      }
    }
    let port: number | undefined;
    let name: string | undefined;
    const portValue = map.port;
    if (typeof portValue === 'number') {
      if (!Number.isInteger(portValue) || portValue < MIN_PORT || portValue > MAX_PORT) {
        issues.push({ object, path: [...at, 'port'], message: `port ${portValue} is not a valid port number (1-65535)` });
        invalid = true;
      } else port = portValue;
    } else if (typeof portValue === 'string') {
      const problem = portNameProblem(portValue);
      if (problem) {
        issues.push({ object, path: [...at, 'port'], message: `named port "${portValue}" is not a valid port name: ${problem}` });
        invalid = true;
      } else name = portValue;
    } else if (portValue !== undefined && portValue !== null) {
      issues.push({ object, path: [...at, 'port'], message: 'port must be a number or a port name' });
      invalid = true;
    }
    let endPort: number | undefined;
    const endValue = map.endPort;
    if (endValue !== undefined && endValue !== null) {
      if (name !== undefined) {
        issues.push({
          object,
          path: [...at, 'endPort'],
          message: 'named port error: endPort field cannot be defined if the port field is defined as a named (string) port',
        });
        invalid = true;
      } else if (typeof endValue !== 'number' || !Number.isInteger(endValue)) {
        issues.push({ object, path: [...at, 'endPort'], message: 'endPort must be a number' });
        invalid = true;
      } else if (port === undefined) {
        if (!invalid) {
          issues.push({ object, path: [...at, 'endPort'], message: 'endPort may not be specified when port is not specified' });
        }
        invalid = true;
      } else if (endValue < port || endValue > MAX_PORT) {
        issues.push({
          object,
          path: [...at, 'endPort'],
          message: `port range ${port}-${endValue} is not legal: start and end values of the port range should be in {1-65535} and end may not be less than start`,
        });
        invalid = true;
      } else endPort = endValue;
    }
    const rulePort: RulePort = { index, path: at, protocol, port, endPort, name, invalid };
    ports.push(rulePort);
    if (invalid) return;
    if (name !== undefined) named.push(rulePort);
    else if (port === undefined) staticConn = staticConn.union(ConnSet.of(protocol));
    else staticConn = staticConn.union(ConnSet.of(protocol, port, endPort ?? port));
  });
  return { ports, staticConn, named };
}

function parsePeers(object: K8sObject, value: unknown, path: Path, issues: NetpolIssue[]): RulePeer[] | undefined {
  if (value !== undefined && value !== null && !Array.isArray(value)) {
    issues.push({ object, path, message: 'rule peers must be a list' });
    return [{ kind: 'invalid', index: 0, path }];
  }
  const list = asArray(value);
  if (list.length === 0) return undefined;
  return list.map((entry, index): RulePeer => {
    const at = [...path, index];
    const map = asObject(entry);
    if (!map) {
      issues.push({ object, path: at, message: 'rule NetworkPolicyPeer error: a peer must be a map' });
      return { kind: 'invalid', index, path: at };
    }
    const hasPods = map.podSelector !== undefined && map.podSelector !== null;
    const hasNamespaces = map.namespaceSelector !== undefined && map.namespaceSelector !== null;
    const hasIp = map.ipBlock !== undefined && map.ipBlock !== null;
    if (!hasPods && !hasNamespaces && !hasIp) {
      issues.push({ object, path: at, message: 'rule NetworkPolicyPeer error: cannot have empty rule peer' });
      return { kind: 'invalid', index, path: at };
    }
    if (hasIp && (hasPods || hasNamespaces)) {
      issues.push({
        object,
        path: at,
        message: 'rule NetworkPolicyPeer error: cannot have both IPBlock and PodSelector/NamespaceSelector set',
      });
      return { kind: 'invalid', index, path: at };
    }
    if (hasIp) {
      const ipBlock = asObject(map.ipBlock) ?? {};
      const cidr = asString(ipBlock.cidr) ?? '';
      const parsed = parseCidr(cidr);
      if (typeof parsed === 'string') {
        issues.push({ object, path: [...at, 'ipBlock', 'cidr'], message: `CIDR error: ${parsed}` });
        return { kind: 'invalid', index, path: at };
      }
      const except: string[] = [];
      const holes: IpRange[] = [];
      let bad = false;
      asArray(ipBlock.except).forEach((raw, i) => {
        const text = typeof raw === 'string' ? raw : String(raw);
        except.push(text);
        const hole = parseCidr(text);
        if (typeof hole === 'string') {
          issues.push({ object, path: [...at, 'ipBlock', 'except', i], message: `CIDR error: ${hole}` });
          bad = true;
        } else if (!rangeContains(parsed, hole) || (hole.start === parsed.start && hole.end === parsed.end)) {
          issues.push({
            object,
            path: [...at, 'ipBlock', 'except', i],
            message: `CIDR error: except entry ${text} must be a strict subset of the cidr ${cidr}`,
          });
          bad = true;
        } else holes.push(hole);
      });
      if (bad) return { kind: 'invalid', index, path: at };
      return { kind: 'ip', index, path: at, cidr, except, block: IpSet.of([parsed]).subtract(IpSet.of(holes)) };
    }
    let namespaceSelector: Selector | undefined;
    let podSelector: Selector | undefined;
    let bad = false;
    if (hasNamespaces) {
      const parsed = parseSelector(map.namespaceSelector, [...at, 'namespaceSelector']);
      namespaceSelector = parsed.selector;
      for (const issue of parsed.issues) issues.push({ object, ...issue });
      bad ||= parsed.issues.length > 0;
    }
    if (hasPods) {
      const parsed = parseSelector(map.podSelector, [...at, 'podSelector']);
      podSelector = parsed.selector;
      for (const issue of parsed.issues) issues.push({ object, ...issue });
      bad ||= parsed.issues.length > 0;
    }
    if (bad) return { kind: 'invalid', index, path: at };
    return { kind: 'pods', index, path: at, namespaceSelector, podSelector };
  });
}

function parsePolicy(object: K8sObject, index: number): PolicyBuilder {
  const issues: NetpolIssue[] = [];
  const namespace = object.namespace ?? DEFAULT_NAMESPACE;
  const spec = asObject(object.value.spec) ?? {};
  const podSelectorParsed = parseSelector(spec.podSelector, ['spec', 'podSelector']);
  for (const issue of podSelectorParsed.issues) issues.push({ object, ...issue });
  const ingressRaw = asArray(spec.ingress);
  const egressRaw = asArray(spec.egress);
  const types = asArray(spec.policyTypes);
  let affectsIngress = true;
  let affectsEgress = egressRaw.length > 0;
  const explicitTypes = types.length > 0;
  if (explicitTypes) {
    affectsIngress = false;
    affectsEgress = false;
    types.forEach((type, i) => {
      if (type === 'Ingress') affectsIngress = true;
      else if (type === 'Egress') affectsEgress = true;
      else {
        issues.push({
          object,
          path: ['spec', 'policyTypes', i],
          message: `policyTypes[${i}]: Unsupported value: "${String(type)}": supported values: "Ingress", "Egress"`,
        });
      }
    });
  }
  const rules: { ingress: PolicyRule[]; egress: PolicyRule[] } = { ingress: [], egress: [] };
  const policy: NetworkPolicy = {
    index,
    object,
    name: object.name,
    namespace,
    id: `${namespace}/${object.name}`,
    podSelector: podSelectorParsed.selector,
    affectsIngress,
    affectsEgress,
    explicitTypes,
    ingress: rules.ingress,
    egress: rules.egress,
  };
  for (const direction of ['ingress', 'egress'] as const) {
    const raw = direction === 'ingress' ? ingressRaw : egressRaw;
    const peersKey = direction === 'ingress' ? 'from' : 'to';
    raw.forEach((entry, i) => {
      const path: Path = ['spec', direction, i];
      const rule = isObject(entry) ? entry : {};
      const peers = parsePeers(object, rule[peersKey], [...path, peersKey], issues);
      const ports = parsePorts(object, rule.ports, [...path, 'ports'], issues);
      rules[direction].push({
        policy,
        direction,
        index: i,
        path,
        peers,
        ports: ports.ports,
        staticConn: ports.staticConn,
        namedPorts: ports.named,
      });
    });
  }
  return { policy, issues };
}

/** The labels of two pods of one workload differ in a way that a selector of some policy can see. */
function labelGapMatters(a: Labels, b: Labels, policies: readonly NetworkPolicy[]): Selector | undefined {
  for (const policy of policies) {
    const selectors: Selector[] = [policy.podSelector];
    for (const rule of [...policy.ingress, ...policy.egress]) {
      for (const peer of rule.peers ?? []) if (peer.kind === 'pods' && peer.podSelector) selectors.push(peer.podSelector);
    }
    for (const selector of selectors) if (selector.matches(a) !== selector.matches(b)) return selector;
  }
  return undefined;
}

function classKey(namespace: string, labels: Labels, ports: readonly ContainerPort[]): string {
  const labelText = Object.keys(labels)
    .sort()
    .map((k) => `${k}=${labels[k]}`)
    .join('\u0001');
  // Only named ports change what a policy means for a pod (named ports resolve per pod).
  const portText = ports
    .filter((p) => p.name !== undefined)
    .map((p) => `${p.name}:${p.protocol}:${p.port}`)
    .join('\u0001');
  return `${namespace}\u0000${labelText}\u0000${portText}`;
}

export function buildNetpolModel(set: ObjectSet): NetpolModel {
  const issues: NetpolIssue[] = [];
  const namespaces = new Map<string, NamespaceInfo>();
  for (const object of set.ofKind('Namespace')) {
    if (!isNamespace(object)) continue;
    const first = namespaces.get(object.name);
    if (first) {
      if (first.object && !sameContent(first.object.labels, object.labels)) {
        issues.push({
          kind: 'duplicate',
          object,
          other: first.object,
          path: ['metadata', 'name'],
          message: `Namespace "${object.name}" is defined more than once with different labels; only one object of a kind can have a given name at a time (this definition is ignored)`,
        });
      }
      continue;
    }
    const labels = { ...object.labels };
    if (!Object.hasOwn(labels, NAMESPACE_NAME_LABEL)) labels[NAMESPACE_NAME_LABEL] = object.name;
    namespaces.set(object.name, { name: object.name, labels, object });
  }

  const policies: NetworkPolicy[] = [];
  const policiesByNamespace = new Map<string, NetworkPolicy[]>();
  const seenPolicies = new Map<string, K8sObject>();
  for (const object of set.ofKind('NetworkPolicy')) {
    if (!isNetworkPolicy(object)) continue;
    const namespace = object.namespace ?? DEFAULT_NAMESPACE;
    const id = `${namespace}/${object.name}`;
    const first = seenPolicies.get(id);
    if (first) {
      if (!sameContent(first.value.spec, object.value.spec)) {
        issues.push({
          kind: 'duplicate',
          object,
          other: first,
          path: ['metadata', 'name'],
          message: `NetworkPolicy "${id}" is defined more than once with different specs; only one object of a kind can have a given name at a time (this definition is ignored)`,
        });
      }
      continue;
    }
    seenPolicies.set(id, object);
    const built = parsePolicy(object, policies.length);
    issues.push(...built.issues);
    policies.push(built.policy);
    const list = policiesByNamespace.get(namespace);
    if (list) list.push(built.policy);
    else policiesByNamespace.set(namespace, [built.policy]);
  }

  // Pods of one controller are one peer (named after the controller); the same object defined
  // twice is one peer too, and its last definition wins, as it would when applied.
  const grouped = new Map<string, { name: string; namespace: string; kind: string; sources: PeerSource[] }>();
  for (const workload of set.workloads) {
    const object = workload.object;
    if (!WORKLOAD_KINDS.has(object.kind)) continue;
    const namespace = object.namespace ?? DEFAULT_NAMESPACE;
    let name = object.name;
    let kind = object.kind;
    if (object.kind === 'Pod') {
      // KubeVirt's launcher pods stand for their virtual machine, which is not a pod peer.
      if (name.startsWith('virt-launcher-')) continue;
      const owner = podOwner(object);
      if (owner) {
        name = owner.name;
        kind = owner.kind;
      }
    }
    const id = `${namespace}/${name}[${kind}]`;
    const group = grouped.get(id);
    if (group) group.sources.push({ object, workload });
    else grouped.set(id, { name, namespace, kind, sources: [{ object, workload }] });
  }
  const peers: WorkloadPeer[] = [];
  for (const [id, group] of grouped) {
    const { name, namespace, kind, sources } = group;
    const pods = sources.filter((s) => s.object.kind === 'Pod' && s.object.name !== name);
    const representative = (pods.length === sources.length ? sources[0] : sources[sources.length - 1]) as PeerSource;
    const labels = stringLabels(representative.workload.podMetadata.labels);
    for (const other of pods) {
      if (other === representative) continue;
      const selector = labelGapMatters(labels, stringLabels(other.workload.podMetadata.labels), policies);
      if (!selector) continue;
      issues.push({
        kind: 'ambiguous',
        object: other.object,
        path: [...other.workload.podMetadataPath, 'labels'],
        message: `Found Pods of the same owner workload \`${namespace}/${name}\` and with differences in their labels, while a network policy contains selectors impacted by this gap. Pod "${namespace}/${other.object.name}" and Pod "${namespace}/${representative.object.name}" are selected differently by selector \`${selector.toString()}\`.`,
      });
    }
    peers.push({
      type: 'workload',
      index: peers.length,
      name,
      namespace,
      kind,
      id,
      labels,
      ports: containerPorts(representative.workload),
      sources,
      classIndex: -1,
    });
    if (!namespaces.has(namespace)) {
      namespaces.set(namespace, { name: namespace, labels: { [NAMESPACE_NAME_LABEL]: namespace }, object: undefined });
    }
  }

  const classes: PeerClass[] = [];
  const classByKey = new Map<string, PeerClass>();
  for (const peer of peers) {
    const key = classKey(peer.namespace, peer.labels, peer.ports);
    let peerClass = classByKey.get(key);
    if (!peerClass) {
      const namespace = namespaces.get(peer.namespace) as NamespaceInfo;
      peerClass = { index: classes.length, namespace, labels: peer.labels, ports: peer.ports, members: [] };
      classes.push(peerClass);
      classByKey.set(key, peerClass);
    }
    peerClass.members.push(peer);
    peer.classIndex = peerClass.index;
  }

  return {
    namespaces,
    peers,
    classes,
    policies,
    policiesByNamespace,
    issues,
    services: set.ofKind('Service').filter(isService),
    operatorNamespaces: new Set(
      set.objects
        .filter((o) => !BUILT_IN_GROUPS.has(o.group) && !o.clusterScoped && o.apiVersion !== '')
        .map((o) => o.namespace ?? DEFAULT_NAMESPACE),
    ),
  };
}

/** The model of a scan, built once and shared by every rule and command. */
export function netpolModelOf(set: ObjectSet): NetpolModel {
  return set.analysis('netpol/model', buildNetpolModel);
}
