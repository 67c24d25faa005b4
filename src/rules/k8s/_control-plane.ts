/**
 * Control-plane static pods (kube-apiserver, etcd, kube-controller-manager, kube-scheduler as
 * kubeadm and most installers write them) need the node's network and a few host directories by
 * design: their certificates, kubeconfigs and, for etcd, its data. Workload rules still report
 * those settings, but at info and saying why, so that a scan of /etc/kubernetes/manifests shows
 * the real problems (the CIS findings of the `apiserver/*`, `etcd/*`, ... rules) instead of noise.
 */
import { type ComponentName, componentsOfWorkload } from '../../model/control-plane/components.js';
import type { Workload } from '../../model/workload.js';
import { isStaticPod } from './_service-accounts.js';

const CONTROL_PLANE: ReadonlySet<ComponentName> = new Set([
  'kube-apiserver',
  'etcd',
  'kube-controller-manager',
  'kube-scheduler',
]);

/** The control-plane component a static pod runs, if it is one. */
export function controlPlaneComponent(workload: Workload): ComponentName | undefined {
  if (!isStaticPod(workload)) return undefined;
  return componentsOfWorkload(workload)
    .map((instance) => instance.component)
    .find((component) => CONTROL_PLANE.has(component));
}

/** Host directories a control-plane component reads (or, for etcd's data, writes) by design. */
const REQUIRED_PATHS: readonly string[] = [
  '/etc/kubernetes',
  '/etc/ssl/certs',
  '/etc/pki',
  '/etc/ca-certificates',
  '/usr/share/ca-certificates',
  '/usr/local/share/ca-certificates',
  '/var/log/kubernetes',
  '/usr/libexec/kubernetes/kubelet-plugins/volume/exec',
];

/** Whether a control-plane component needs this host path (etcd also its data directory). */
export function isRequiredControlPlanePath(component: ComponentName, path: string): boolean {
  const normalised = path.replace(/\/+$/, '') || '/';
  const within = (prefix: string) => normalised === prefix || normalised.startsWith(`${prefix}/`);
  if (component === 'etcd' && within('/var/lib/etcd')) return true;
  return REQUIRED_PATHS.some(within);
}
