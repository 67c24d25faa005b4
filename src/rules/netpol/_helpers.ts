/** Shared helpers for the netpol rules. */
import {
  defaultDenyPolicies,
  namespaceAnchor,
  unisolatedWorkloads,
  workloadsByNamespace,
} from '../../analyzers/netpol/checks.js';
import { netpolAnalysisOf } from '../../analyzers/netpol/index.js';
import type { PolicyRule, WorkloadPeer } from '../../analyzers/netpol/model.js';
import type { ObjectSet } from '../../model/object-set.js';
import type { RuleContext } from '../types.js';

/**
 * Workloads whose pods are on the pod network. NetworkPolicy does not apply to pods with
 * `hostNetwork: true` (control-plane static pods, CNI and node agents): they share the node's
 * network namespace, so no policy can isolate them and their namespace needs none for them.
 */
export function onPodNetwork(workloads: readonly WorkloadPeer[]): WorkloadPeer[] {
  return workloads.filter((w) => !w.sources.every((s) => s.workload.podSpec.hostNetwork === true));
}

/** `a, b, c and 4 more` */
export function listNames(names: readonly string[], max = 5): string {
  const unique = [...new Set(names)];
  if (unique.length <= max) {
    return unique.length <= 1 ? (unique[0] ?? '') : `${unique.slice(0, -1).join(', ')} and ${unique[unique.length - 1]}`;
  }
  return `${unique.slice(0, max).join(', ')} and ${unique.length - max} more`;
}

export function plural(count: number, word: string, many = `${word}s`): string {
  return `${count} ${count === 1 ? word : many}`;
}

export const NETPOL_REFERENCES = {
  docs: 'Kubernetes documentation: Network Policies',
  nsa: 'NSA/CISA Kubernetes Hardening Guide: Network separation and hardening',
  cis: 'CIS Kubernetes 5.3.2: Ensure that all Namespaces have NetworkPolicies defined',
} as const;

/** The ports of a rule for a message: `every port`, `TCP 80,443`, `named port "http" (TCP)`. */
export function portsText(rule: PolicyRule): string {
  if (rule.ports === undefined) return 'every port';
  const parts: string[] = [];
  if (!rule.staticConn.isEmpty) parts.push(rule.staticConn.toString());
  for (const port of rule.namedPorts) parts.push(`named port "${port.name}" (${port.protocol})`);
  return parts.length > 0 ? parts.join(' and ') : 'no valid port';
}

/**
 * Reports each namespace with workloads on the pod network and no default-deny policy for the
 * direction: at the rule's severity when some workload is open in that direction (`open` names
 * them), at low when every current workload is selected by some policy (`later` says what a new
 * one would get).
 */
export function reportMissingDefaultDeny(
  set: ObjectSet,
  context: RuleContext,
  direction: 'ingress' | 'egress',
  messages: { open: (names: string, count: number) => string; later: string },
): void {
  const { model, connectivity } = netpolAnalysisOf(set);
  for (const [namespace, all] of workloadsByNamespace(model)) {
    if (defaultDenyPolicies(model, namespace, direction).length > 0) continue;
    const workloads = onPodNetwork(all);
    if (workloads.length === 0) continue;
    const anchor = namespaceAnchor(model, namespace);
    if (!anchor) continue;
    const open = unisolatedWorkloads(connectivity, workloads, direction);
    const lead = `Namespace "${namespace}" has no default-deny ${direction} policy: `;
    context.report({
      on: anchor.on,
      path: anchor.path,
      key: namespace,
      ...(open.length === 0 ? { severity: 'low' as const } : {}),
      message: open.length > 0 ? lead + messages.open(listNames(open.map((w) => w.id)), open.length) : lead + messages.later,
    });
  }
}
