/**
 * Service accounts of workloads in one scan: the ServiceAccount object a pod uses, whether its
 * token is mounted (the pod's automountServiceAccountToken wins over the ServiceAccount's, and the
 * default is to mount), and the RBAC bindings that grant the account anything.
 */
import { asArray, asObject, asString, type K8sObject } from '../../model/k8s.js';
import type { ObjectSet } from '../../model/object-set.js';
import type { Workload } from '../../model/workload.js';

export interface Automount {
  mounted: boolean;
  /** Who decided: the pod, the ServiceAccount object in the scan, or the API default. */
  decidedBy: 'pod' | 'service-account' | 'default';
  serviceAccount: K8sObject | undefined;
}

function accountKey(namespace: string | undefined, name: string): string {
  return `${namespace ?? ''}\u0000${name}`;
}

export function serviceAccountOf(set: ObjectSet, workload: Workload): K8sObject | undefined {
  const accounts = set.analysis('k8s/service-accounts', (all) => {
    const map = new Map<string, K8sObject>();
    for (const sa of all.ofKind('ServiceAccount')) if (sa.group === '') map.set(accountKey(sa.namespace, sa.name), sa);
    return map;
  });
  return accounts.get(accountKey(workload.object.namespace, workload.serviceAccountName));
}

/**
 * Static pods (the kubelet's manifest directory, kubeadm's control-plane pods, mirror pods read
 * back from a cluster) cannot use service accounts: the API server refuses a mirror pod that names
 * one or mounts a token, so service-account rules do not apply to them.
 */
export function isStaticPod(workload: Workload): boolean {
  const object = workload.object;
  if (object.kind !== 'Pod') return false;
  const annotations = workload.podAnnotations;
  if (annotations['kubernetes.io/config.mirror'] !== undefined || annotations['kubernetes.io/config.source'] !== undefined)
    return true;
  if (object.namespace === 'kube-system' && object.labels.tier === 'control-plane') return true;
  return /(^|[\\/])etc[\\/]kubernetes[\\/]manifests[\\/][^\\/]+$/.test(object.source?.path ?? '');
}

export function automount(set: ObjectSet, workload: Workload): Automount {
  const serviceAccount = serviceAccountOf(set, workload);
  const own = workload.podSpec.automountServiceAccountToken;
  if (typeof own === 'boolean') return { mounted: own, decidedBy: 'pod', serviceAccount };
  const fromAccount = serviceAccount?.value.automountServiceAccountToken;
  if (typeof fromAccount === 'boolean') return { mounted: fromAccount, decidedBy: 'service-account', serviceAccount };
  return { mounted: true, decidedBy: 'default', serviceAccount };
}

export interface Grant {
  binding: K8sObject;
  role: string;
}

/** RoleBindings and ClusterRoleBindings of the scan that name the workload's service account itself. */
export function grantsTo(set: ObjectSet, workload: Workload): Grant[] {
  const grants = set.analysis('k8s/service-account-grants', buildGrants);
  return grants.get(accountKey(workload.object.namespace, workload.serviceAccountName)) ?? [];
}

function buildGrants(set: ObjectSet): Map<string, Grant[]> {
  const out = new Map<string, Grant[]>();
  for (const binding of set.ofKind('RoleBinding', 'ClusterRoleBinding')) {
    if (binding.group !== 'rbac.authorization.k8s.io') continue;
    const roleRef = asObject(binding.value.roleRef);
    const role = `${asString(roleRef?.kind) ?? 'Role'} ${JSON.stringify(asString(roleRef?.name) ?? '?')}`;
    const seen = new Set<string>();
    for (const raw of asArray(binding.value.subjects)) {
      const subject = asObject(raw);
      const name = asString(subject?.name);
      // Only accounts by name: a binding for the group of all service accounts says nothing about
      // whether one workload needs its token, and is not shared through `default` in particular.
      if (asString(subject?.kind) !== 'ServiceAccount' || name === undefined) continue;
      // A ServiceAccount subject without a namespace, in a RoleBinding, is in the binding's namespace.
      const namespace = asString(subject?.namespace) ?? (binding.kind === 'RoleBinding' ? binding.namespace : undefined);
      const key = accountKey(namespace === '' ? undefined : namespace, name);
      if (seen.has(key)) continue;
      seen.add(key);
      const list = out.get(key) ?? [];
      list.push({ binding, role });
      out.set(key, list);
    }
  }
  return out;
}
