/**
 * The control plane of a scan: every kube-apiserver, etcd, controller manager, scheduler and
 * kube-proxy found in pod manifests or kubeadm configs, every kubelet, and every
 * EncryptionConfiguration, built once per scan. Rules check one component at a time and reach
 * the rest of the scan through `planeOf(subject)` for cross-file checks (the API server's
 * encryption config, etcd's CA against the API server's).
 */
import type { ScanDocuments } from '../../engine/targets.js';
import { KubeletFlagsDocument } from '../../sources/kubelet-flags.js';
import { K8sObject } from '../k8s.js';
import { type ComponentInstance, type ComponentName, componentsOfKubeadm, componentsOfWorkload } from './components.js';
import { samePath, withEtcdConfigFiles, withSchedulerConfigFiles } from './config-files.js';
import { EncryptionConfig } from './encryption.js';
import { EtcdConfigFile } from './etcd-config.js';
import { type KubeProxyView, kubeProxyViews } from './kube-proxy.js';
import { type KubeletView, kubeletViews } from './kubelet.js';

declare module '../../rules/types.js' {
  interface TargetSubjects {
    /** Each kube-apiserver of the scan (static pod container or kubeadm ClusterConfiguration). */
    apiserver: ComponentInstance;
    /** Each etcd member. */
    etcd: ComponentInstance;
    'controller-manager': ComponentInstance;
    scheduler: ComponentInstance;
    /** Each kubelet: config file, flag files and kubeadm kubeletExtraArgs combined. */
    kubelet: KubeletView;
    /** Each kube-proxy: KubeProxyConfiguration files and kube-proxy containers. */
    'kube-proxy': KubeProxyView;
    /** Each EncryptionConfiguration. */
    encryption: EncryptionConfig;
    /** Kubelet flag files (systemd units, drop-ins, environment files) as parsed. */
    'kubelet-flags': KubeletFlagsDocument;
  }
}

export class ControlPlane {
  readonly components: readonly ComponentInstance[];
  readonly kubelets: readonly KubeletView[];
  readonly encryptionConfigs: readonly EncryptionConfig[];
  readonly kubeProxies: readonly KubeProxyView[];
  /** Every Kubernetes-style document of the scan (config files are objects too). */
  readonly objects: readonly K8sObject[];

  constructor(
    components: ComponentInstance[],
    kubelets: KubeletView[],
    encryptionConfigs: EncryptionConfig[],
    objects: readonly K8sObject[],
  ) {
    this.components = components;
    this.kubelets = kubelets;
    this.encryptionConfigs = encryptionConfigs;
    this.objects = objects;
    this.kubeProxies = kubeProxyViews(objects, components);
  }

  /** A config file of a kind (AuthenticationConfiguration, ...) that a flag's path may name. */
  fileAt(kind: string, path: string): K8sObject | undefined {
    const candidates = this.objects.filter((o) => o.kind === kind && o.source);
    return candidates.find((o) => samePath(o.source?.path ?? '', path));
  }

  of(component: ComponentName): ComponentInstance[] {
    return this.components.filter((c) => c.component === component);
  }

  /**
   * The EncryptionConfigurations of the scan that a path on the API server's host or in its
   * container may be: same path, same path suffix, or same file name.
   */
  encryptionConfigsAt(path: string): EncryptionConfig[] {
    return this.encryptionConfigs.filter((config) => samePath(config.source?.path ?? '', path));
  }
}

const planes = new WeakMap<object, ControlPlane>();
const subjects = new WeakMap<object, ControlPlane>();

/** The control plane of the scan a subject (component, kubelet, encryption config) belongs to. */
export function planeOf(subject: object): ControlPlane | undefined {
  return subjects.get(subject);
}

export function controlPlaneOf(scan: ScanDocuments): ControlPlane {
  const cached = planes.get(scan.objects);
  if (cached) return cached;
  const components: ComponentInstance[] = [];
  for (const workload of scan.objects.workloads) components.push(...componentsOfWorkload(workload));
  const objects = scan.objects.objects as K8sObject[];
  for (const object of objects) components.push(...componentsOfKubeadm(object));
  const etcdFiles = scan.documents.filter((d): d is EtcdConfigFile => d instanceof EtcdConfigFile);
  const resolved = withSchedulerConfigFiles(withEtcdConfigFiles(components, etcdFiles), objects);
  components.splice(0, components.length, ...resolved);
  const flagDocuments = scan.documents.filter((d): d is KubeletFlagsDocument => d instanceof KubeletFlagsDocument);
  const kubelets = kubeletViews(objects, flagDocuments);
  const encryptionConfigs = objects
    .map((o) => (o instanceof K8sObject ? EncryptionConfig.of(o) : undefined))
    .filter((c): c is EncryptionConfig => c !== undefined);
  const plane = new ControlPlane(components, kubelets, encryptionConfigs, objects);
  for (const subject of [...components, ...kubelets, ...encryptionConfigs, ...plane.kubeProxies]) subjects.set(subject, plane);
  planes.set(scan.objects, plane);
  return plane;
}

/** Rule targets provided by the control-plane model (registered in engine/targets.ts). */
export const controlPlaneTargets = {
  apiserver: (scan: ScanDocuments): readonly ComponentInstance[] => controlPlaneOf(scan).of('kube-apiserver'),
  etcd: (scan: ScanDocuments): readonly ComponentInstance[] => controlPlaneOf(scan).of('etcd'),
  'controller-manager': (scan: ScanDocuments): readonly ComponentInstance[] => controlPlaneOf(scan).of('kube-controller-manager'),
  scheduler: (scan: ScanDocuments): readonly ComponentInstance[] => controlPlaneOf(scan).of('kube-scheduler'),
  kubelet: (scan: ScanDocuments): readonly KubeletView[] => controlPlaneOf(scan).kubelets,
  'kube-proxy': (scan: ScanDocuments): readonly KubeProxyView[] => controlPlaneOf(scan).kubeProxies,
  encryption: (scan: ScanDocuments): readonly EncryptionConfig[] => controlPlaneOf(scan).encryptionConfigs,
};

export { at, type ComponentInstance, type ComponentName, mountFor, shown } from './components.js';
export { samePath } from './config-files.js';
export { EncryptionConfig } from './encryption.js';
export { versionAtLeast, type Where } from './flags.js';
export { KubeletView } from './kubelet.js';
