/**
 * Control-plane components found in a scan: kube-apiserver, etcd, kube-controller-manager,
 * kube-scheduler and kube-proxy, from static pod manifests (and any other pod template that runs
 * them) and from kubeadm's ClusterConfiguration. Each is a `ComponentInstance`: its effective flags
 * with positions, and where an absent flag is reported.
 */
import { posix } from 'node:path';
import type { ObjectRef } from '../../core/finding.js';
import type { OffsetRange, SourceText } from '../../core/source.js';
import { lookupTable } from '../../core/table.js';
import type { Locatable } from '../../rules/types.js';
import type { Path } from '../../sources/yaml.js';
import { asArray, asObject, asString, type K8sObject } from '../k8s.js';
import type { Container, Workload } from '../workload.js';
import { type Arg, type FlagOccurrence, FlagSet, parseArgs, type Where } from './flags.js';
import { findScriptCommand, shellScriptIndex } from './shell-command.js';

export type ComponentName = 'kube-apiserver' | 'etcd' | 'kube-controller-manager' | 'kube-scheduler' | 'kube-proxy';

export const COMPONENT_NAMES: readonly ComponentName[] = [
  'kube-apiserver',
  'etcd',
  'kube-controller-manager',
  'kube-scheduler',
  'kube-proxy',
];

/** Old hyperkube sub-command names. */
const HYPERKUBE: Readonly<Record<string, ComponentName>> = lookupTable({
  apiserver: 'kube-apiserver',
  'kube-apiserver': 'kube-apiserver',
  'controller-manager': 'kube-controller-manager',
  'kube-controller-manager': 'kube-controller-manager',
  scheduler: 'kube-scheduler',
  'kube-scheduler': 'kube-scheduler',
  proxy: 'kube-proxy',
  'kube-proxy': 'kube-proxy',
});

/** A path visible inside the component's container: a mount and the host path behind it. */
export interface Mount {
  mountPath: string;
  /** The host path of a hostPath volume; undefined for other volume types. */
  hostPath: string | undefined;
  volumeType: string;
  at: Where;
}

/** A component's own configuration file that can define a component by itself (etcd's config file). */
export interface ComponentFile extends Locatable {
  readonly kind: string;
  readonly name: string;
  readonly namespace: string | undefined;
  readonly annotations: Record<string, string>;
}

/**
 * A configuration file the component reads (etcd's `--config-file`, the scheduler's `--config`):
 * the path the flag names, the scanned file when it is in the scan, and the command-line flags
 * that the file makes the component ignore.
 */
export interface ConfigFileUse {
  path: string;
  file: Locatable | undefined;
  /** Occurrences on the command line (or in the environment) that the component does not read. */
  ignored: FlagOccurrence[];
  /** Whether the file (not the command line) decides a flag's setting. */
  decides(flag: string): boolean;
  /** The name of a flag's setting in the file (`enableProfiling`). */
  keyOf(flag: string): string;
  /** Where an absent setting belongs in the file. */
  whereMissing(flag: string): Where | undefined;
}

export class ComponentInstance implements Locatable {
  readonly type = 'component' as const;
  readonly component: ComponentName;
  readonly origin: 'pod' | 'kubeadm' | 'config-file';
  /** The Pod (or other workload), the kubeadm ClusterConfiguration, or the component's own config file. */
  readonly object: K8sObject | ComponentFile;
  /** The config file the component reads, when it is given one. */
  readonly configFile: ConfigFileUse | undefined;
  readonly flags: FlagSet;
  /** Where a finding about an absent flag points: the container's command list, or extraArgs. */
  readonly missingAt: Where;
  readonly container: Container | undefined;
  readonly workload: Workload | undefined;
  /** Mounts into the container, when known (static pods and kubeadm's extraVolumes). */
  readonly mounts: readonly Mount[] | undefined;

  constructor(init: {
    component: ComponentName;
    origin: 'pod' | 'kubeadm' | 'config-file';
    object: K8sObject | ComponentFile;
    flags: FlagSet;
    missingAt: Where;
    container?: Container | undefined;
    workload?: Workload | undefined;
    mounts?: readonly Mount[] | undefined;
    configFile?: ConfigFileUse | undefined;
  }) {
    this.component = init.component;
    this.origin = init.origin;
    this.object = init.object;
    this.flags = init.flags;
    this.missingAt = init.missingAt;
    this.container = init.container;
    this.workload = init.workload;
    this.mounts = init.mounts;
    this.configFile = init.configFile;
  }

  /** The same component with its settings from a config file (see `ConfigFileUse`). */
  withConfigFile(use: ConfigFileUse, fromFile: readonly FlagOccurrence[]): ComponentInstance {
    const kept = this.flags.occurrences.filter((o) => !use.decides(o.name));
    use.ignored.push(...this.flags.occurrences.filter((o) => use.decides(o.name) && o.name !== 'config-file'));
    return new ComponentInstance({
      component: this.component,
      origin: this.origin,
      object: this.object,
      flags: new FlagSet([...kept, ...fromFile]),
      missingAt: this.missingAt,
      container: this.container,
      workload: this.workload,
      mounts: this.mounts,
      configFile: use,
    });
  }

  /**
   * How a flag's setting is named for messages: `--client-cert-auth`, the `ETCD_*` variable or the
   * config-file key it is written as, or the config-file key it belongs in.
   */
  setting(name: string): string {
    const occurrence = this.flags.last(name);
    if (occurrence?.via) return occurrence.via;
    if (this.configFile?.decides(name)) return this.configFile.keyOf(name);
    return `--${name}`;
  }

  /**
   * Whether the scan shows what decides a flag's setting: not when it lives in a config file that
   * is not in the scan, nor, for a component known only from its config file, when it is a
   * command-line flag.
   */
  decidable(name: string): boolean {
    const use = this.configFile;
    if (!use) return true;
    if (use.decides(name)) return use.file !== undefined;
    return this.origin !== 'config-file';
  }

  /** A note naming the command-line flags the component ignores for a setting, or ''. */
  ignoredNote(name: string): string {
    const use = this.configFile;
    if (!use) return '';
    const notes = new Set<string>();
    for (const o of use.ignored) {
      if (o.name !== name) continue;
      notes.add(
        use.file !== undefined && o.at.on === use.file
          ? `the top-level "${name}" key is ignored: it is read only as ${use.keyOf(name)}`
          : `${shown(o)} is ignored: the setting is read from ${use.path}`,
      );
    }
    return notes.size === 0 ? '' : ` (${[...notes].join('; ')})`;
  }

  get source(): SourceText | undefined {
    return this.object.source;
  }

  get ref(): ObjectRef | undefined {
    return this.object.ref;
  }

  get annotations(): Record<string, string> {
    return this.object.annotations;
  }

  locate(path: Path): OffsetRange | undefined {
    return this.object.locate(path);
  }

  /** `kube-apiserver in Pod kube-system/kube-apiserver-cp1` or `... in ClusterConfiguration`. */
  get label(): string {
    const object = this.object;
    if (this.origin === 'config-file') return `${this.component} (${object.source?.path ?? object.kind})`;
    const name = object.namespace ? `${object.namespace}/${object.name}` : object.name;
    return `${this.component} in ${object.kind}${name ? ` ${name}` : ''}`;
  }

  /** Where a flag is written, or where it would be written when absent. */
  whereFlag(name: string): Where {
    const written = this.flags.last(name)?.at;
    if (written) return written;
    if (this.configFile?.decides(name)) return this.configFile.whereMissing(name) ?? this.missingAt;
    return this.missingAt;
  }
}

/** Report fields for a location (spread into `context.report`). */
export function at(where: Where): { on: Locatable; path?: Path; range?: OffsetRange; source?: SourceText } {
  return {
    on: where.on,
    ...(where.path !== undefined ? { path: where.path } : {}),
    ...(where.range !== undefined ? { range: where.range } : {}),
    ...(where.source !== undefined ? { source: where.source } : {}),
  };
}

/** The flag as written, for messages: `--anonymous-auth=true`. */
export function shown(occurrence: FlagOccurrence): string {
  if (occurrence.via) return `${occurrence.via}=${occurrence.value ?? ''}`;
  const text = occurrence.value === undefined ? `--${occurrence.name}` : `--${occurrence.name}=${occurrence.value}`;
  return occurrence.implicit ? `${text} (kubeadm default)` : text;
}

function basename(path: string): string {
  return posix.basename(path.replace(/\\/g, '/'));
}

/** The image's repository name without registry, tag or digest (`kube-apiserver`). */
function imageName(image: string | undefined): string {
  if (!image) return '';
  const noDigest = image.split('@')[0] ?? '';
  const last = noDigest.split('/').pop() ?? '';
  return last.split(':')[0] ?? '';
}

/** A cheap test before a script is parsed: does it name a component at all? */
const COMPONENT_IN_TEXT = /kube-apiserver|etcd|kube-controller-manager|kube-scheduler|kube-proxy|hyperkube/;

/** The component a command line runs (`kube-apiserver ...`, `hyperkube apiserver ...`) and where its flags start. */
export function programOf(texts: readonly string[]): { component: ComponentName; argsFrom: number } | undefined {
  const exe = basename(texts[0] ?? '');
  if ((COMPONENT_NAMES as readonly string[]).includes(exe)) return { component: exe as ComponentName, argsFrom: 1 };
  const sub = texts[1] ?? '';
  if (exe === 'hyperkube' && Object.hasOwn(HYPERKUBE, sub)) return { component: HYPERKUBE[sub] as ComponentName, argsFrom: 2 };
  return undefined;
}

/** Components run by a workload's containers. */
export function componentsOfWorkload(workload: Workload): ComponentInstance[] {
  const out: ComponentInstance[] = [];
  const labels = { ...workload.object.labels, ...stringValues(workload.podMetadata.labels) };
  const labelled = (labels.component ?? labels['app.kubernetes.io/component'] ?? labels['k8s-app'] ?? '') as string;
  for (const container of workload.runningContainers) {
    const command = asArray(container.value.command);
    const args = asArray(container.value.args);
    const entries: Arg[] = [];
    const addEntries = (list: unknown[], field: 'command' | 'args') => {
      list.forEach((item, index) => {
        if (typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean') {
          entries.push({ text: String(item), at: { on: workload.object, path: [...container.path, field, index] } });
        }
      });
    };
    addEntries(command, 'command');
    const commandCount = entries.length;
    addEntries(args, 'args');

    let component: ComponentName | undefined;
    let flagArgs: Arg[] = [];
    let missingEntry: Path | undefined;
    const first = entries[0];
    if (commandCount > 0 && first) {
      const program = programOf(entries.map((e) => e.text));
      const scriptIndex = program ? -1 : shellScriptIndex(entries);
      const script = entries[scriptIndex];
      if (program) {
        component = program.component;
        flagArgs = entries.slice(program.argsFrom);
      } else if (script && COMPONENT_IN_TEXT.test(script.text)) {
        // `sh -c "exec kube-apiserver --flag ..."`: the flags of the component's command in the script.
        const scriptPath = script.at.path ?? [];
        const found = findScriptCommand(
          script,
          entries.slice(scriptIndex + 1),
          workload.object.source,
          workload.object.locate(scriptPath),
          (texts) => programOf(texts) !== undefined,
        );
        const inner = found && programOf(found.words.map((w) => w.text));
        if (found && inner) {
          component = inner.component;
          flagArgs = found.words.slice(inner.argsFrom);
          missingEntry = scriptPath;
        }
      }
    } else {
      // No command: the image's entrypoint runs; recognise the component by image name or label.
      const byImage = imageName(container.image);
      const candidate = (COMPONENT_NAMES as readonly string[]).includes(byImage)
        ? byImage
        : (COMPONENT_NAMES as readonly string[]).includes(labelled) && workload.runningContainers.length === 1
          ? labelled
          : undefined;
      if (candidate) {
        component = candidate as ComponentName;
        flagArgs = entries;
      }
    }
    if (!component) continue;
    const occurrences = parseArgs(flagArgs);
    if (component === 'etcd') occurrences.unshift(...etcdEnvironment(workload, container, occurrences));
    const listField = commandCount > 0 ? 'command' : 'args';
    const missingAt: Where = {
      on: workload.object,
      path: missingEntry ?? [...container.path, listField],
    };
    out.push(
      new ComponentInstance({
        component,
        origin: 'pod',
        object: workload.object,
        flags: new FlagSet(occurrences),
        missingAt,
        container,
        workload,
        mounts: mountsOf(workload, container),
      }),
    );
  }
  return out;
}

function stringValues(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  const map = asObject(value);
  if (!map) return out;
  for (const [k, v] of Object.entries(map)) if (v !== null && v !== undefined) out[k] = String(v);
  return out;
}

/**
 * etcd reads every flag from an `ETCD_<NAME>` environment variable too; a flag on the command
 * line shadows the variable. The variables come first, so the command line wins on `last()`.
 */
function etcdEnvironment(workload: Workload, container: Container, flags: readonly FlagOccurrence[]): FlagOccurrence[] {
  const out: FlagOccurrence[] = [];
  asArray(container.value.env).forEach((entry, index) => {
    const env = asObject(entry);
    const name = asString(env?.name);
    const value = env?.value;
    if (!name?.startsWith('ETCD_') || (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean')) {
      return;
    }
    const flag = name.slice(5).toLowerCase().replace(/_/g, '-');
    if (flags.some((f) => f.name === flag)) return;
    out.push({
      name: flag,
      value: String(value),
      at: { on: workload.object, path: [...container.path, 'env', index, 'value'] },
      via: name,
    });
  });
  return out;
}

function mountsOf(workload: Workload, container: Container): Mount[] {
  const volumes = new Map(workload.volumes.map((v) => [v.name, v]));
  const out: Mount[] = [];
  asArray(container.value.volumeMounts).forEach((entry, index) => {
    const mount = asObject(entry);
    const mountPath = asString(mount?.mountPath);
    const name = asString(mount?.name);
    if (!mountPath || !name) return;
    const volume = volumes.get(name);
    const hostPath = asString(asObject(volume?.value.hostPath)?.path);
    const volumeType = volume ? (Object.keys(volume.value).find((k) => k !== 'name') ?? 'unknown') : 'missing';
    out.push({ mountPath, hostPath, volumeType, at: { on: workload.object, path: [...container.path, 'volumeMounts', index] } });
  });
  return out;
}

/** Whether a file path inside the container lies under one of the mounts. */
export function mountFor(mounts: readonly Mount[], file: string): Mount | undefined {
  const normalised = posix.normalize(file);
  let best: Mount | undefined;
  for (const mount of mounts) {
    const root = posix.normalize(mount.mountPath).replace(/\/+$/, '');
    if (normalised === root || normalised.startsWith(`${root}/`) || root === '') {
      if (!best || root.length > best.mountPath.length) best = mount;
    }
  }
  return best;
}

// ---------------------------------------------------------------------------------------------
// kubeadm

const KUBEADM_SECTIONS: Record<string, ComponentName> = {
  apiServer: 'kube-apiserver',
  controllerManager: 'kube-controller-manager',
  scheduler: 'kube-scheduler',
};

/** kubeadm API groups: `kubeadm.k8s.io/v1beta3`, `v1beta4`. */
export function isKubeadmObject(object: K8sObject, kind?: string): boolean {
  return object.group === 'kubeadm.k8s.io' && (kind === undefined || object.kind === kind);
}

/** kubeadm `extraArgs`: a map (v1beta3) or a list of `{name, value}` (v1beta4), with positions. */
export function kubeadmExtraArgs(object: K8sObject, path: Path): FlagOccurrence[] {
  const value = object.get(path);
  const out: FlagOccurrence[] = [];
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      const entry = asObject(item);
      const name = asString(entry?.name);
      if (!name) return;
      const raw = entry?.value;
      out.push({
        name: name.replace(/^--?/, ''),
        value: raw === undefined || raw === null ? '' : String(raw),
        at: { on: object, path: [...path, index] },
      });
    });
  } else {
    const map = asObject(value);
    if (map) {
      for (const [name, raw] of Object.entries(map)) {
        out.push({
          name: name.replace(/^--?/, ''),
          value: raw === undefined || raw === null ? '' : String(raw),
          at: { on: object, path: [...path, name] },
        });
      }
    }
  }
  return out;
}

const VALID_AUTHZ = new Set(['Node', 'RBAC', 'Webhook', 'ABAC', 'AlwaysAllow', 'AlwaysDeny']);

/**
 * The flags kubeadm writes into each control-plane static pod, before the user's extraArgs
 * (which replace a default of the same name). Only the flags that checks look at are listed.
 */
function kubeadmDefaults(component: ComponentName, cfg: K8sObject, extra: readonly FlagOccurrence[]): [string, string][] {
  const pki = asString(cfg.get(['certificatesDir'])) ?? '/etc/kubernetes/pki';
  const join = (file: string) => posix.join(pki, file);
  switch (component) {
    case 'kube-apiserver': {
      const external = asObject(cfg.get(['etcd', 'external']));
      const defaults: [string, string][] = [
        ['enable-admission-plugins', 'NodeRestriction'],
        ['service-account-key-file', join('sa.pub')],
        ['service-account-signing-key-file', join('sa.key')],
        ['client-ca-file', join('ca.crt')],
        ['tls-cert-file', join('apiserver.crt')],
        ['tls-private-key-file', join('apiserver.key')],
        ['kubelet-client-certificate', join('apiserver-kubelet-client.crt')],
        ['kubelet-client-key', join('apiserver-kubelet-client.key')],
        ['enable-bootstrap-token-auth', 'true'],
        ['allow-privileged', 'true'],
        ['requestheader-client-ca-file', join('front-proxy-ca.crt')],
        ['proxy-client-cert-file', join('front-proxy-client.crt')],
        ['proxy-client-key-file', join('front-proxy-client.key')],
      ];
      if (external) {
        const endpoints = asArray(external.endpoints).map(String).join(',');
        defaults.push(['etcd-servers', endpoints]);
        const ca = asString(external.caFile);
        const cert = asString(external.certFile);
        const key = asString(external.keyFile);
        if (ca) defaults.push(['etcd-cafile', ca]);
        if (cert && key) defaults.push(['etcd-certfile', cert], ['etcd-keyfile', key]);
      } else {
        defaults.push(
          ['etcd-servers', 'https://127.0.0.1:2379'],
          ['etcd-cafile', join('etcd/ca.crt')],
          ['etcd-certfile', join('apiserver-etcd-client.crt')],
          ['etcd-keyfile', join('apiserver-etcd-client.key')],
        );
      }
      if (!extra.some((f) => f.name === 'authorization-config')) {
        const requested = extra.filter((f) => f.name === 'authorization-mode').pop();
        const valid = (requested?.value ?? '').split(',').filter((m) => VALID_AUTHZ.has(m));
        defaults.push(['authorization-mode', valid.length > 0 ? valid.join(',') : 'Node,RBAC']);
      }
      return defaults;
    }
    case 'kube-controller-manager':
      return [
        ['bind-address', '127.0.0.1'],
        ['client-ca-file', join('ca.crt')],
        ['root-ca-file', join('ca.crt')],
        ['service-account-private-key-file', join('sa.key')],
        ['use-service-account-credentials', 'true'],
        ['leader-elect', 'true'],
      ];
    case 'kube-scheduler':
      return [
        ['bind-address', '127.0.0.1'],
        ['leader-elect', 'true'],
      ];
    case 'etcd':
      return [
        ['cert-file', join('etcd/server.crt')],
        ['key-file', join('etcd/server.key')],
        ['trusted-ca-file', join('etcd/ca.crt')],
        ['client-cert-auth', 'true'],
        ['peer-cert-file', join('etcd/peer.crt')],
        ['peer-key-file', join('etcd/peer.key')],
        ['peer-trusted-ca-file', join('etcd/ca.crt')],
        ['peer-client-cert-auth', 'true'],
        ['listen-client-urls', 'https://127.0.0.1:2379'],
        ['listen-peer-urls', 'https://127.0.0.1:2380'],
      ];
    default:
      return [];
  }
}

/** The control-plane components a kubeadm ClusterConfiguration generates, with effective flags. */
export function componentsOfKubeadm(cfg: K8sObject): ComponentInstance[] {
  if (!isKubeadmObject(cfg, 'ClusterConfiguration')) return [];
  const out: ComponentInstance[] = [];
  const sections: [ComponentName, Path][] = [
    ...Object.entries(KUBEADM_SECTIONS).map(([key, name]) => [name, [key]] as [ComponentName, Path]),
  ];
  if (cfg.get(['etcd', 'external']) === undefined) sections.push(['etcd', ['etcd', 'local']]);
  for (const [component, section] of sections) {
    const argsPath = [...section, 'extraArgs'];
    const extra = kubeadmExtraArgs(cfg, argsPath);
    const overridden = new Set(extra.map((f) => f.name));
    const defaultAt: Where = { on: cfg, path: section };
    const defaults: FlagOccurrence[] = kubeadmDefaults(component, cfg, extra)
      .filter(([name]) => !overridden.has(name))
      .map(([name, value]) => ({ name, value, at: defaultAt, implicit: true }));
    const occurrences = [...defaults, ...extra].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const mounts: Mount[] = [];
    if (component === 'kube-apiserver') {
      const pki = asString(cfg.get(['certificatesDir'])) ?? '/etc/kubernetes/pki';
      mounts.push({ mountPath: pki, hostPath: pki, volumeType: 'hostPath', at: defaultAt });
      mounts.push({ mountPath: '/etc/ssl/certs', hostPath: '/etc/ssl/certs', volumeType: 'hostPath', at: defaultAt });
      asArray(cfg.get([...section, 'extraVolumes'])).forEach((entry, index) => {
        const volume = asObject(entry);
        const mountPath = asString(volume?.mountPath);
        if (!mountPath) return;
        mounts.push({
          mountPath,
          hostPath: asString(volume?.hostPath),
          volumeType: 'hostPath',
          at: { on: cfg, path: [...section, 'extraVolumes', index] },
        });
      });
    }
    out.push(
      new ComponentInstance({
        component,
        origin: 'kubeadm',
        object: cfg,
        flags: new FlagSet(occurrences),
        missingAt: { on: cfg, path: argsPath },
        ...(component === 'kube-apiserver' ? { mounts } : {}),
      }),
    );
  }
  return out;
}
