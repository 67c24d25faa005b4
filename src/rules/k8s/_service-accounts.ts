/**
 * Service accounts of workloads in one scan: the ServiceAccount object a pod uses, whether its
 * token is mounted (the pod's automountServiceAccountToken wins over the ServiceAccount's, and the
 * default is to mount), and the RBAC bindings that grant the account anything.
 */
import { asArray, asObject, asString, type K8sObject } from '../../model/k8s.js';
import type { ObjectSet } from '../../model/object-set.js';
import type { Workload } from '../../model/workload.js';
import { sameNamespace } from './_pod.js';

export interface Automount {
  mounted: boolean;
  /** Who decided: the pod, the ServiceAccount object in the scan, or the API default. */
  decidedBy: 'pod' | 'service-account' | 'default';
  serviceAccount: K8sObject | undefined;
}

export function serviceAccountOf(set: ObjectSet, workload: Workload): K8sObject | undefined {
  const name = workload.serviceAccountName;
  return set
    .ofKind('ServiceAccount')
    .find((sa) => sa.group === '' && sa.name === name && sameNamespace(sa.namespace, workload.object.namespace));
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
  const name = workload.serviceAccountName;
  const namespace = workload.object.namespace;
  const out: Grant[] = [];
  for (const binding of set.ofKind('RoleBinding', 'ClusterRoleBinding')) {
    if (binding.group !== 'rbac.authorization.k8s.io') continue;
    const roleRef = asObject(binding.value.roleRef);
    const role = `${asString(roleRef?.kind) ?? 'Role'} ${JSON.stringify(asString(roleRef?.name) ?? '?')}`;
    for (const raw of asArray(binding.value.subjects)) {
      const subject = asObject(raw);
      const kind = asString(subject?.kind);
      const subjectName = asString(subject?.name);
      // A ServiceAccount subject without a namespace, in a RoleBinding, is in the binding's namespace.
      const subjectNamespace = asString(subject?.namespace) ?? (binding.kind === 'RoleBinding' ? binding.namespace : undefined);
      // Only the account by name: a binding for the group of all service accounts says nothing about
      // whether this workload needs its token, and is not shared through `default` in particular.
      const matches = kind === 'ServiceAccount' && subjectName === name && sameNamespace(subjectNamespace, namespace);
      if (matches) {
        out.push({ binding, role });
        break;
      }
    }
  }
  return out;
}
