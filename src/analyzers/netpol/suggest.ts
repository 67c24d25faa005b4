/**
 * Least-privilege NetworkPolicies from a list of intended flows. For every namespace with
 * workloads: a default deny of ingress and egress and an egress allowance for cluster DNS; for
 * every flow: one ingress rule on the destination workload and one egress rule on the source
 * workload (grouped into one `allow-ingress-<workload>` and one `allow-egress-<workload>` policy
 * per workload). Workloads are selected by the smallest set of their own pod labels that tells
 * them apart from the other workloads of their namespace.
 */
import { stringify } from 'yaml';
import type { ScanError } from '../../core/finding.js';
import type { SourceText } from '../../core/source.js';
import { asArray, asObject, asString, isObject } from '../../model/k8s.js';
import { parseYaml, type YamlDocument } from '../../sources/yaml.js';
import { type Protocol, parsePortSpec } from './conn.js';
import { resolvePeer } from './explain.js';
import { type IpRange, parseCidr } from './ip.js';
import { NAMESPACE_NAME_LABEL, type NetpolModel, type WorkloadPeer } from './model.js';
import type { Labels } from './selector.js';

export interface FlowPort {
  protocol: Protocol;
  start: number;
  end: number;
}

export interface Flow {
  from: string;
  to: string;
  /** Undefined: every port (a warning is given: not least privilege). */
  ports: FlowPort[] | undefined;
  /** 1-based line of the flow in the flows file. */
  line: number | undefined;
}

/** Namespaces whose workloads belong to the platform: not isolated unless asked. */
export const SYSTEM_NAMESPACES = new Set(['kube-system', 'kube-public', 'kube-node-lease']);

const VOLATILE_LABELS = new Set([
  'pod-template-hash',
  'controller-revision-hash',
  'pod-template-generation',
  'statefulset.kubernetes.io/pod-name',
  'controller-uid',
  'job-name',
  'batch.kubernetes.io/controller-uid',
  'batch.kubernetes.io/job-name',
  'apps.kubernetes.io/pod-index',
]);

const PREFERRED_LABELS = [
  'app.kubernetes.io/name',
  'app.kubernetes.io/instance',
  'app.kubernetes.io/component',
  'app',
  'k8s-app',
  'name',
  'component',
  'tier',
  'role',
];

/** Reads a flows file: a list (or a map with `flows:`) of {from, to, port|ports}. */
export function parseFlows(source: SourceText): { flows: Flow[]; errors: ScanError[] } {
  const parsed = parseYaml(source);
  const errors: ScanError[] = [...parsed.errors];
  const flows: Flow[] = [];
  const document = parsed.documents[0] as YamlDocument | undefined;
  if (!document) {
    if (errors.length === 0) errors.push({ file: source.path, line: 1, column: 1, message: 'the flows file is empty' });
    return { flows, errors };
  }
  const root = document.value;
  const list = Array.isArray(root) ? root : asArray(asObject(root)?.flows);
  const basePath = Array.isArray(root) ? [] : ['flows'];
  if (list.length === 0) {
    errors.push({ file: source.path, line: 1, column: 1, message: 'no flows: expected a list of {from, to, port}' });
  }
  list.forEach((entry, index) => {
    const path = [...basePath, index];
    const at = source.range(document.locate(path));
    const error = (message: string) => errors.push({ file: source.path, line: at.line, column: at.column, message });
    if (!isObject(entry)) {
      error('a flow must be a map with from, to and port');
      return;
    }
    const from = asString(entry.from);
    const to = asString(entry.to);
    if (!from || !to) {
      error('a flow needs from and to (namespace/workload, or a CIDR for traffic from or to outside the cluster)');
      return;
    }
    const portValues = entry.ports !== undefined ? asArray(entry.ports) : entry.port !== undefined ? [entry.port] : [];
    let ports: FlowPort[] | undefined;
    if (portValues.length > 0) {
      ports = [];
      for (const value of portValues) {
        const spec = parsePortSpec(String(value));
        if (!spec) {
          error(`invalid port "${String(value)}": write 8080/TCP, 53/UDP or 8000-8100/TCP`);
          return;
        }
        ports.push(spec);
      }
    }
    flows.push({ from, to, ports, line: at.line });
  });
  return { flows, errors };
}

type Endpoint = { type: 'workload'; peer: WorkloadPeer } | { type: 'ip'; range: IpRange; cidr: string };

function resolveEndpoint(model: NetpolModel, text: string): Endpoint | string {
  if (/^[0-9a-fA-F.:]+\/\d+$/.test(text.trim())) {
    const range = parseCidr(text.trim());
    return typeof range === 'string' ? range : { type: 'ip', range, cidr: text.trim() };
  }
  const resolved = resolvePeer(model, text);
  if ('error' in resolved) return `${text}: ${resolved.error}`;
  if (resolved.peer.type !== 'workload') return `${text}: write external addresses as a CIDR (203.0.113.0/24)`;
  return { type: 'workload', peer: resolved.peer.peer };
}

/** The smallest set of a workload's stable labels that no other workload of its namespace carries. */
export function distinguishingLabels(
  model: NetpolModel,
  peer: WorkloadPeer,
): { labels: Record<string, string>; unique: boolean } {
  const keys = Object.keys(peer.labels).filter((k) => !VOLATILE_LABELS.has(k));
  keys.sort((a, b) => {
    const ia = PREFERRED_LABELS.indexOf(a);
    const ib = PREFERRED_LABELS.indexOf(b);
    if (ia !== ib) return (ia === -1 ? 99 : ia) - (ib === -1 ? 99 : ib);
    return a < b ? -1 : a > b ? 1 : 0;
  });
  const others = model.peers.filter((p) => p.namespace === peer.namespace && p !== peer);
  const chosen: Record<string, string> = {};
  const matches = (labels: Labels) => Object.entries(chosen).every(([k, v]) => labels[k] === v);
  for (const key of keys) {
    if (Object.keys(chosen).length > 0 && !others.some((o) => matches(o.labels))) break;
    chosen[key] = peer.labels[key] as string;
  }
  return { labels: chosen, unique: !others.some((o) => matches(o.labels)) };
}

interface PolicyDoc {
  apiVersion: 'networking.k8s.io/v1';
  kind: 'NetworkPolicy';
  metadata: { name: string; namespace: string; labels: Record<string, string>; annotations?: Record<string, string> };
  spec: Record<string, unknown>;
}

function policyDoc(name: string, namespace: string, spec: Record<string, unknown>, description?: string): PolicyDoc {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: {
      name,
      namespace,
      labels: { 'app.kubernetes.io/managed-by': 'greenbelt' },
      ...(description ? { annotations: { 'greenbelt.dev/description': description } } : {}),
    },
    spec,
  };
}

function portsOf(ports: FlowPort[] | undefined): Record<string, unknown>[] | undefined {
  if (!ports) return undefined;
  return ports.map((p) => ({ protocol: p.protocol, port: p.start, ...(p.end !== p.start ? { endPort: p.end } : {}) }));
}

function dnsName(text: string): string {
  const cleaned = text
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return cleaned.slice(0, 200) || 'workload';
}

export interface SuggestResult {
  /** The policies as a multi-document YAML text. */
  yaml: string;
  policies: PolicyDoc[];
  warnings: string[];
  errors: string[];
}

/** DNS pods of the input (kube-system, k8s-app=kube-dns or CoreDNS), or the usual labels. */
function dnsSelector(model: NetpolModel): Record<string, string> {
  const dns = model.peers.find(
    (p) =>
      p.namespace === 'kube-system' &&
      (p.labels['k8s-app'] === 'kube-dns' ||
        p.labels['k8s-app'] === 'coredns' ||
        p.labels['app.kubernetes.io/name'] === 'coredns'),
  );
  if (dns?.labels['k8s-app'] !== undefined) return { 'k8s-app': dns.labels['k8s-app'] };
  if (dns) return distinguishingLabels(model, dns).labels;
  return { 'k8s-app': 'kube-dns' };
}

export function suggestPolicies(model: NetpolModel, flows: readonly Flow[]): SuggestResult {
  const warnings: string[] = [];
  const errors: string[] = [];
  const ingress = new Map<string, { peer: WorkloadPeer; rules: Record<string, unknown>[]; flows: string[] }>();
  const egress = new Map<string, { peer: WorkloadPeer; rules: Record<string, unknown>[]; flows: string[] }>();
  const selectorOf = (peer: WorkloadPeer): Record<string, string> | undefined => {
    const { labels, unique } = distinguishingLabels(model, peer);
    if (Object.keys(labels).length === 0) {
      errors.push(`${peer.id} has no pod labels: a NetworkPolicy cannot select it alone; give its pod template a label`);
      return undefined;
    }
    if (!unique) warnings.push(`${peer.id} has the same labels as another workload of its namespace; the policies select both`);
    return labels;
  };
  const peerFor = (endpoint: Endpoint, fromNamespace: string): Record<string, unknown> | undefined => {
    if (endpoint.type === 'ip') return { ipBlock: { cidr: endpoint.cidr } };
    const labels = selectorOf(endpoint.peer);
    if (!labels) return undefined;
    const podSelector = { matchLabels: labels };
    if (endpoint.peer.namespace === fromNamespace) return { podSelector };
    return { namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: endpoint.peer.namespace } }, podSelector };
  };

  for (const flow of flows) {
    const where = flow.line !== undefined ? ` (flows line ${flow.line})` : '';
    const from = resolveEndpoint(model, flow.from);
    const to = resolveEndpoint(model, flow.to);
    if (typeof from === 'string' || typeof to === 'string') {
      for (const problem of [from, to]) if (typeof problem === 'string') errors.push(`${problem}${where}`);
      continue;
    }
    if (from.type === 'ip' && to.type === 'ip') {
      errors.push(`flow ${flow.from} -> ${flow.to}${where}: one end must be a workload`);
      continue;
    }
    if (!flow.ports) warnings.push(`flow ${flow.from} -> ${flow.to}${where} names no port: it allows every port`);
    const ports = portsOf(flow.ports);
    const label = `${flow.from} -> ${flow.to}${flow.ports ? ` ${flow.ports.map((p) => `${p.start === p.end ? p.start : `${p.start}-${p.end}`}/${p.protocol}`).join(',')}` : ''}`;
    if (to.type === 'workload') {
      const peer = peerFor(from, to.peer.namespace);
      const entry = ingress.get(to.peer.id) ?? { peer: to.peer, rules: [], flows: [] };
      if (peer) entry.rules.push({ from: [peer], ...(ports ? { ports } : {}) });
      entry.flows.push(label);
      ingress.set(to.peer.id, entry);
    }
    if (from.type === 'workload') {
      const peer = peerFor(to, from.peer.namespace);
      const entry = egress.get(from.peer.id) ?? { peer: from.peer, rules: [], flows: [] };
      if (peer) entry.rules.push({ to: [peer], ...(ports ? { ports } : {}) });
      entry.flows.push(label);
      egress.set(from.peer.id, entry);
    }
  }

  const namespaces = [...new Set(model.peers.map((p) => p.namespace))].filter((ns) => !SYSTEM_NAMESPACES.has(ns)).sort();
  for (const namespace of namespaces) {
    if ((model.policiesByNamespace.get(namespace)?.length ?? 0) > 0) {
      warnings.push(`namespace ${namespace} already has NetworkPolicies; they still apply and add to what these policies allow`);
    }
  }
  const dns = dnsSelector(model);
  const policies: PolicyDoc[] = [];
  for (const namespace of namespaces) {
    policies.push(
      policyDoc(
        'default-deny-all',
        namespace,
        { podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
        'deny all traffic not allowed by another policy',
      ),
      policyDoc(
        'allow-dns-egress',
        namespace,
        {
          podSelector: {},
          policyTypes: ['Egress'],
          egress: [
            {
              to: [
                {
                  namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: 'kube-system' } },
                  podSelector: { matchLabels: dns },
                },
              ],
              ports: [
                { protocol: 'UDP', port: 53 },
                { protocol: 'TCP', port: 53 },
              ],
            },
          ],
        },
        'name resolution through cluster DNS',
      ),
    );
  }
  const byName = (a: { peer: WorkloadPeer }, b: { peer: WorkloadPeer }) =>
    a.peer.id < b.peer.id ? -1 : a.peer.id > b.peer.id ? 1 : 0;
  const used = new Set<string>();
  // Two workloads of one namespace may share a name (a Deployment and a StatefulSet `db`).
  const policyName = (prefix: string, peer: WorkloadPeer) => {
    let name = `${prefix}-${dnsName(peer.name)}`;
    if (used.has(`${peer.namespace}/${name}`)) name = `${name}-${peer.kind.toLowerCase()}`;
    used.add(`${peer.namespace}/${name}`);
    return name;
  };
  for (const entry of [...ingress.values()].sort(byName)) {
    const selector = selectorOf(entry.peer);
    if (!selector || entry.rules.length === 0) continue;
    policies.push(
      policyDoc(
        policyName('allow-ingress', entry.peer),
        entry.peer.namespace,
        { podSelector: { matchLabels: selector }, policyTypes: ['Ingress'], ingress: entry.rules },
        `flows: ${entry.flows.join('; ')}`,
      ),
    );
  }
  for (const entry of [...egress.values()].sort(byName)) {
    const selector = selectorOf(entry.peer);
    if (!selector || entry.rules.length === 0) continue;
    policies.push(
      policyDoc(
        policyName('allow-egress', entry.peer),
        entry.peer.namespace,
        { podSelector: { matchLabels: selector }, policyTypes: ['Egress'], egress: entry.rules },
        `flows: ${entry.flows.join('; ')}`,
      ),
    );
  }
  const unique = [...new Set(errors)];
  const yaml = policies.map((p) => stringify(p, { lineWidth: 0 })).join('---\n');
  return { yaml, policies, warnings: [...new Set(warnings)], errors: unique };
}
