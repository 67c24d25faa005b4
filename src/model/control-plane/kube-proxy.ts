/**
 * kube-proxy as the scan shows it: a KubeProxyConfiguration file (standalone or in a kubeadm
 * config), or a kube-proxy container whose flags carry the settings.
 */
import type { ObjectRef } from '../../core/finding.js';
import type { OffsetRange, SourceText } from '../../core/source.js';
import type { Locatable } from '../../rules/types.js';
import type { Path } from '../../sources/yaml.js';
import { asString, K8sObject } from '../k8s.js';
import type { ComponentInstance } from './components.js';
import type { Where } from './flags.js';

export class KubeProxyView implements Locatable {
  readonly type = 'kube-proxy' as const;
  readonly object: K8sObject;
  /** Set when the settings come from a container's command line. */
  readonly instance: ComponentInstance | undefined;

  constructor(object: K8sObject, instance?: ComponentInstance) {
    this.object = object;
    this.instance = instance;
  }

  get source(): SourceText | undefined {
    return this.object.source;
  }

  get ref(): ObjectRef {
    return this.object.ref;
  }

  get annotations(): Record<string, string> {
    return this.object.annotations;
  }

  locate(path: Path): OffsetRange | undefined {
    return this.object.locate(path);
  }

  get label(): string {
    return this.instance
      ? this.instance.label
      : `kube-proxy (${this.object.kind}${this.object.source ? ` in ${this.object.source.path}` : ''})`;
  }

  /**
   * A setting written in the config file (`metricsBindAddress`) or as a flag
   * (`--metrics-bind-address`); undefined when not written (the default applies) or when a
   * container reads a config file outside the scan.
   */
  setting(field: string, flag: string): { value: string; at: Where } | undefined {
    if (this.instance) {
      const occurrence = this.instance.flags.last(flag);
      return occurrence ? { value: occurrence.value ?? '', at: occurrence.at } : undefined;
    }
    const value = asString(this.object.get([field]));
    return value === undefined || value === '' ? undefined : { value, at: { on: this.object, path: [field] } };
  }
}

export function kubeProxyViews(objects: readonly K8sObject[], instances: readonly ComponentInstance[]): KubeProxyView[] {
  const configs = objects
    .filter((o) => o.kind === 'KubeProxyConfiguration' && o.group === 'kubeproxy.config.k8s.io')
    .map((o) => new KubeProxyView(o));
  const containers: KubeProxyView[] = [];
  for (const i of instances)
    if (i.component === 'kube-proxy' && i.object instanceof K8sObject) containers.push(new KubeProxyView(i.object, i));
  return [...configs, ...containers];
}
