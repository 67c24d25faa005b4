/**
 * The kubelet of a node as the scan shows it: a KubeletConfiguration file, the command line that
 * systemd builds from the unit, its drop-ins and environment files, and kubeadm's
 * `nodeRegistration.kubeletExtraArgs`. Command-line flags override the config file. Without a
 * config file the kubelet falls back to its legacy flag defaults (anonymous access on,
 * AlwaysAllow, read-only port 10255); with one, to the secure v1beta1 defaults.
 */
import { posix } from 'node:path';
import type { ObjectRef } from '../../core/finding.js';
import type { OffsetRange, SourceText } from '../../core/source.js';
import type { Locatable } from '../../rules/types.js';
import { isKubeletDropInPath } from '../../sources/kubelet-config-dropin.js';
import type { EnvAssignment, KubeletFlagsDocument } from '../../sources/kubelet-flags.js';
import type { Path } from '../../sources/yaml.js';
import { asObject, type K8sObject } from '../k8s.js';
import { isKubeadmObject, kubeadmExtraArgs } from './components.js';
import {
  type Arg,
  type FlagOccurrence,
  FlagSet,
  parseArgs,
  parseGoBool,
  parseGoDuration,
  splitList,
  type Where,
} from './flags.js';

export type KubeletDefaults = 'config' | 'legacy' | 'unknown';

export interface KubeletSetting<T> {
  value: T;
  /** Where the effective value comes from. */
  from: 'flag' | 'config' | 'default';
  /** Where it is written, or where it would be written. */
  at: Where;
  occurrence?: FlagOccurrence;
}

export interface SettingSpec {
  /** The command-line flag (without dashes). */
  flag?: string;
  /** The KubeletConfiguration field. */
  config?: Path;
}

export interface KubeletDropIns {
  /** KubeletConfiguration fragments of the `--config-dir` directory, in the order the kubelet applies them. */
  files: readonly K8sObject[];
  /** `--config-dir` is set but none of its files is in the scan: the merged configuration is unknown. */
  unknown: boolean;
}

export class KubeletView implements Locatable {
  readonly type = 'kubelet' as const;
  readonly config: K8sObject | undefined;
  readonly flags: FlagSet;
  /** Documents that contributed flags (flag files, kubeadm configs). */
  readonly flagSources: readonly Locatable[];
  /** The command line the flags come from (a systemd ExecStart), when known. */
  readonly commandAt: Where | undefined;
  /** The drop-in configuration files merged over the config file (`--config-dir`). */
  readonly dropIns: KubeletDropIns;

  constructor(
    config: K8sObject | undefined,
    flags: FlagSet,
    flagSources: readonly Locatable[],
    commandAt?: Where,
    dropIns: KubeletDropIns = { files: [], unknown: false },
  ) {
    this.config = config;
    this.flags = flags;
    this.flagSources = flagSources;
    this.commandAt = commandAt;
    this.dropIns = dropIns;
  }

  /** Which defaults fill in what neither the flags nor a config file set. */
  get defaults(): KubeletDefaults {
    if (this.config) return 'config';
    return this.flags.has('config') ? 'unknown' : 'legacy';
  }

  private get primary(): Locatable | undefined {
    return this.config ?? this.flagSources[0];
  }

  get source(): SourceText | undefined {
    return this.primary?.source;
  }

  get ref(): ObjectRef | undefined {
    return this.config?.ref;
  }

  get annotations(): Record<string, string> | undefined {
    return this.config?.annotations;
  }

  locate(path: Path): OffsetRange | undefined {
    return this.primary?.locate(path);
  }

  /** Where a missing setting is reported: the config file's root, else the flags. */
  get missingAt(): Where {
    if (this.config) return { on: this.config, path: [] };
    if (this.commandAt) return this.commandAt;
    const first = this.flags.occurrences[0];
    if (first) return first.at;
    const primary = this.primary;
    return primary ? { on: primary, path: [] } : { on: this, path: [] };
  }

  get label(): string {
    if (this.config?.source) return `kubelet (${this.config.source.path})`;
    const first = this.flagSources[0]?.source?.path;
    return first ? `kubelet (${first})` : 'kubelet';
  }

  /**
   * A field of the effective configuration: the config file with the drop-ins applied over it in
   * order, as JSON merge patches (maps merge key by key; lists and scalars are replaced). A null in
   * a drop-in leaves the value before it (the kubelet decodes the merged JSON over its existing
   * configuration). Undefined when no file sets it.
   */
  private configValue(path: Path | undefined): { value: unknown; at: Where } | undefined {
    if (!path) return undefined;
    const layers = this.config ? [this.config, ...this.dropIns.files] : [...this.dropIns.files];
    for (let i = layers.length - 1; i >= 0; i--) {
      const layer = layers[i] as K8sObject;
      let node: unknown = layer.value;
      let decided = true;
      for (const segment of path) {
        if (node === null) {
          // A null deletes the field from the merged JSON, which leaves the earlier value.
          decided = false;
          break;
        }
        const map = asObject(node);
        // This layer replaced an enclosing field with something that is not a map: the kubelet
        // cannot decode it, and nothing can be said about the field.
        if (!map || Array.isArray(node)) return undefined;
        if (!(String(segment) in map)) {
          decided = false;
          break;
        }
        node = map[String(segment)];
      }
      if (!decided || node === null || node === undefined) continue;
      return { value: node, at: { on: layer, path } };
    }
    return undefined;
  }

  /** Settings that no flag decides cannot be known when the drop-in directory is not in the scan. */
  private get filesUnknown(): boolean {
    return this.dropIns.unknown;
  }

  private fallbackAt(spec: SettingSpec): Where {
    if (this.config && spec.config) return { on: this.config, path: spec.config };
    return this.missingAt;
  }

  /** A boolean setting; undefined when it cannot be decided (config file not in the scan). */
  bool(spec: SettingSpec & { configDefault: boolean; legacyDefault: boolean }): KubeletSetting<boolean> | undefined {
    const occurrence = spec.flag ? this.flags.last(spec.flag) : undefined;
    if (occurrence) {
      const value = occurrence.value === undefined ? true : parseGoBool(occurrence.value);
      if (value === undefined) return undefined;
      return { value, from: 'flag', at: occurrence.at, occurrence };
    }
    if (this.filesUnknown) return undefined;
    const configured = this.configValue(spec.config);
    if (configured) {
      if (typeof configured.value !== 'boolean') return undefined;
      return { value: configured.value, from: 'config', at: configured.at };
    }
    return this.byDefault(spec, spec.configDefault, spec.legacyDefault);
  }

  /** A string setting. */
  string(
    spec: SettingSpec & { configDefault: string | undefined; legacyDefault: string | undefined },
  ): KubeletSetting<string | undefined> | undefined {
    const occurrence = spec.flag ? this.flags.last(spec.flag) : undefined;
    if (occurrence) return { value: occurrence.value ?? '', from: 'flag', at: occurrence.at, occurrence };
    if (this.filesUnknown) return undefined;
    const configured = this.configValue(spec.config);
    if (configured) {
      if (typeof configured.value !== 'string' && typeof configured.value !== 'number') return undefined;
      return { value: String(configured.value), from: 'config', at: configured.at };
    }
    return this.byDefault(spec, spec.configDefault, spec.legacyDefault);
  }

  /** A number setting (integer flags, numeric config fields). */
  number(spec: SettingSpec & { configDefault: number; legacyDefault: number }): KubeletSetting<number> | undefined {
    const occurrence = spec.flag ? this.flags.last(spec.flag) : undefined;
    if (occurrence) {
      const value = Number((occurrence.value ?? '').trim());
      if (occurrence.value === undefined || !Number.isFinite(value)) return undefined;
      return { value, from: 'flag', at: occurrence.at, occurrence };
    }
    if (this.filesUnknown) return undefined;
    const configured = this.configValue(spec.config);
    if (configured) {
      if (typeof configured.value !== 'number') return undefined;
      return { value: configured.value, from: 'config', at: configured.at };
    }
    return this.byDefault(spec, spec.configDefault, spec.legacyDefault);
  }

  /** A duration setting, in seconds. */
  duration(spec: SettingSpec & { configDefault: number; legacyDefault: number }): KubeletSetting<number> | undefined {
    const occurrence = spec.flag ? this.flags.last(spec.flag) : undefined;
    if (occurrence) {
      const value = parseGoDuration(occurrence.value ?? '');
      if (value === undefined) return undefined;
      return { value, from: 'flag', at: occurrence.at, occurrence };
    }
    if (this.filesUnknown) return undefined;
    const configured = this.configValue(spec.config);
    if (configured) {
      const value = typeof configured.value === 'string' ? parseGoDuration(configured.value) : undefined;
      if (value === undefined) return undefined;
      // A zero duration in the config file is "unset" and takes the default.
      if (value === 0) return this.byDefault(spec, spec.configDefault, spec.legacyDefault);
      return { value, from: 'config', at: configured.at };
    }
    return this.byDefault(spec, spec.configDefault, spec.legacyDefault);
  }

  /** A list setting (comma list flag, array config field); empty when unset. */
  list(spec: SettingSpec): KubeletSetting<string[]> | undefined {
    const occurrence = spec.flag ? this.flags.last(spec.flag) : undefined;
    if (occurrence && spec.flag) return { value: this.flags.list(spec.flag), from: 'flag', at: occurrence.at, occurrence };
    if (this.filesUnknown) return undefined;
    const configured = this.configValue(spec.config);
    if (configured) {
      if (!Array.isArray(configured.value)) return undefined;
      return { value: configured.value.map(String), from: 'config', at: configured.at };
    }
    return this.byDefault(spec, [], []);
  }

  /** One feature gate: the flag's `--feature-gates` map wins over the config's `featureGates`. */
  featureGate(gate: string): KubeletSetting<boolean | undefined> | undefined {
    const fromFlags = this.flags.boolMap('feature-gates').get(gate);
    if (fromFlags) return { value: fromFlags.value, from: 'flag', at: fromFlags.at.at, occurrence: fromFlags.at };
    if (this.filesUnknown) return undefined;
    const configured = this.configValue(['featureGates', gate]);
    if (configured) {
      return { value: typeof configured.value === 'boolean' ? configured.value : undefined, from: 'config', at: configured.at };
    }
    return { value: undefined, from: 'default', at: this.fallbackAt({ config: ['featureGates'] }) };
  }

  private byDefault<T>(spec: SettingSpec, configDefault: T, legacyDefault: T): KubeletSetting<T> | undefined {
    const defaults = this.defaults;
    if (defaults === 'unknown') return undefined;
    return { value: defaults === 'config' ? configDefault : legacyDefault, from: 'default', at: this.fallbackAt(spec) };
  }
}

// ---------------------------------------------------------------------------------------------
// Building the views of a scan.

function isUnit(doc: KubeletFlagsDocument): boolean {
  return /(^|\/)kubelet\.service$/.test(doc.source.path.replace(/\\/g, '/'));
}

function pathMatches(scanned: string, wanted: string): boolean {
  const a = posix.normalize(scanned.replace(/\\/g, '/'));
  const b = posix.normalize(wanted.replace(/\\/g, '/')).replace(/^\/+/, '');
  return a === b || a.endsWith(`/${b}`) || posix.basename(a) === posix.basename(b);
}

/** One path is the other or ends with it (`etc/default/kubelet` is `/etc/default/kubelet`). */
function pathEndsMatch(scanned: string, wanted: string): boolean {
  const a = posix.normalize(scanned.replace(/\\/g, '/')).replace(/^(\.\/)+/, '');
  const b = posix.normalize(wanted.replace(/\\/g, '/')).replace(/^\/+/, '');
  return a === b || a.endsWith(`/${b}`) || b.endsWith(`/${a}`);
}

/**
 * The kubelet's arguments as systemd builds them: the unit, then drop-ins in name order;
 * `Environment=` assignments, overridden by `EnvironmentFile=` files found in the scan; the last
 * `ExecStart=` with `$NAME` split into words and `${NAME}` kept whole. Without an ExecStart, the
 * flag-holding variables of every file, in order.
 */
export function kubeletArgsOfFiles(documents: readonly KubeletFlagsDocument[]): Arg[] {
  return kubeletCommandOfFiles(documents).args;
}

/** The kubelet's arguments (see kubeletArgsOfFiles) and the ExecStart they come from. */
export function kubeletCommandOfFiles(documents: readonly KubeletFlagsDocument[]): { args: Arg[]; commandAt: Where | undefined } {
  const systemd = documents.filter((d) => d.format === 'systemd');
  const envFiles = documents.filter((d) => d.format === 'env');
  const ordered = [
    ...systemd.filter(isUnit),
    ...systemd
      .filter((d) => !isUnit(d))
      .sort((a, b) => {
        const na = posix.basename(a.source.path);
        const nb = posix.basename(b.source.path);
        return na < nb ? -1 : na > nb ? 1 : 0;
      }),
  ];
  let exec: Arg[] | undefined;
  const env = new Map<string, EnvAssignment>();
  const referenced: KubeletFlagsDocument[] = [];
  for (const doc of ordered) {
    if (doc.execStartReset) exec = undefined;
    if (doc.execStart) exec = doc.execStart;
    for (const assignment of doc.environment) env.set(assignment.name, assignment);
  }
  for (const doc of ordered) {
    for (const ref of doc.environmentFiles) {
      const file = envFiles.find((e) => pathEndsMatch(e.source.path, ref.path));
      if (file && !referenced.includes(file)) referenced.push(file);
    }
  }
  for (const file of referenced) for (const assignment of file.environment) env.set(assignment.name, assignment);

  if (exec && /(^|\/)kubelet$/.test(exec[0]?.text ?? '')) {
    const first = exec[0]?.at;
    const last = exec[exec.length - 1]?.at;
    const commandAt: Where | undefined =
      first?.range && last?.range
        ? { on: first.on, range: [first.range[0], last.range[1]], ...(first.source ? { source: first.source } : {}) }
        : first;
    const out: Arg[] = [];
    for (const word of exec.slice(1)) {
      const bare = /^\$([A-Za-z_][A-Za-z0-9_]*)$/.exec(word.text);
      const braced = /^\$\{([A-Za-z_][A-Za-z0-9_]*)\}$/.exec(word.text);
      if (bare) {
        out.push(...(env.get(bare[1] as string)?.words ?? []));
      } else if (braced) {
        const value = env.get(braced[1] as string);
        if (value && value.value !== '') out.push(value.whole);
      } else {
        out.push({
          text: word.text.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_, name: string) => env.get(name)?.value ?? ''),
          at: word.at,
        });
      }
    }
    return { args: out, commandAt };
  }
  const out: Arg[] = [];
  for (const doc of [...ordered, ...envFiles]) for (const assignment of doc.flagAssignments) out.push(...assignment.words);
  return { args: out, commandAt: undefined };
}

/** Kubelet views of a scan: one per KubeletConfiguration, plus flags that belong to none. */
export function kubeletViews(objects: readonly K8sObject[], flagDocuments: readonly KubeletFlagsDocument[]): KubeletView[] {
  const allConfigs = objects.filter((o) => o.kind === 'KubeletConfiguration' && o.group === 'kubelet.config.k8s.io');
  const kubeadmNodes = objects.filter(
    (o) => isKubeadmObject(o) && (o.kind === 'InitConfiguration' || o.kind === 'JoinConfiguration'),
  );
  const views: KubeletView[] = [];
  const command = kubeletCommandOfFiles(flagDocuments);
  const fileFlags = flagDocuments.length > 0 ? parseArgs(command.args) : [];
  const fileConfigPath = new FlagSet(fileFlags).value('config');
  const configDir = new FlagSet(fileFlags).value('config-dir');
  const isDropIn = (o: K8sObject) => {
    const path = o.source?.path ?? '';
    if (fileConfigPath !== undefined && pathMatches(path, fileConfigPath) && !path.endsWith('.conf')) return false;
    return configDir !== undefined && configDir !== '' ? isUnderDir(path, configDir) : isKubeletDropInPath(path);
  };
  const configs = allConfigs.filter((o) => !isDropIn(o));
  const dropInFiles = allConfigs.filter(isDropIn).sort((a, b) => compareStrings(dropInKey(a), dropInKey(b)));
  // Fragments are only read through a kubelet whose --config-dir names their directory.
  const dropIns: KubeletDropIns = configDir
    ? { files: dropInFiles, unknown: dropInFiles.length === 0 }
    : { files: [], unknown: false };
  let fileFlagsUsed = flagDocuments.length === 0;

  const kubeadmFlags = new Map<K8sObject, FlagOccurrence[]>();
  for (const node of kubeadmNodes) {
    const extra = kubeadmExtraArgs(node, ['nodeRegistration', 'kubeletExtraArgs']);
    if (extra.length > 0) kubeadmFlags.set(node, extra);
  }
  const usedKubeadm = new Set<K8sObject>();

  for (const config of configs) {
    const sources: Locatable[] = [];
    const occurrences: FlagOccurrence[] = [];
    const attachFiles =
      !fileFlagsUsed &&
      (configs.length === 1 || (fileConfigPath !== undefined && pathMatches(config.source?.path ?? '', fileConfigPath)));
    if (attachFiles) {
      occurrences.push(...fileFlags);
      sources.push(...flagDocuments);
      fileFlagsUsed = true;
    }
    for (const [node, extra] of kubeadmFlags) {
      if (node.source && node.source === config.source) {
        occurrences.push(...extra);
        sources.push(node);
        usedKubeadm.add(node);
      }
    }
    // The config file path given by --config is the file itself: it is not a setting to check.
    views.push(
      new KubeletView(
        config,
        new FlagSet(occurrences.filter((o) => o.name !== 'config' && o.name !== 'config-dir')),
        sources,
        undefined,
        attachFiles ? dropIns : undefined,
      ),
    );
  }
  if (!fileFlagsUsed) views.push(new KubeletView(undefined, new FlagSet(fileFlags), flagDocuments, command.commandAt, dropIns));
  for (const [node, extra] of kubeadmFlags) {
    if (usedKubeadm.has(node)) continue;
    // kubeadm always runs the kubelet with --config=/var/lib/kubelet/config.yaml, which it writes
    // from a KubeletConfiguration that is not in this scan: absent settings cannot be decided.
    const implicitConfig: FlagOccurrence = {
      name: 'config',
      value: '/var/lib/kubelet/config.yaml',
      at: { on: node, path: ['nodeRegistration'] },
      implicit: true,
    };
    views.push(new KubeletView(undefined, new FlagSet([implicitConfig, ...extra]), [node]));
  }
  return views;
}

/** Whether a scanned path lies in a directory the kubelet names (by path suffix, or the directory's name). */
function isUnderDir(scanned: string, dir: string): boolean {
  const a = `/${posix
    .normalize(scanned.replace(/\\/g, '/'))
    .replace(/^(\.\/)+/, '')
    .replace(/^\/+/, '')}`;
  const b = posix.normalize(dir.replace(/\\/g, '/')).replace(/\/+$/, '').replace(/^\/+/, '');
  if (!a.endsWith('.conf') || b === '') return false;
  return a.includes(`/${b}/`) || a.includes(`/${posix.basename(b)}/`);
}

/** The order of drop-ins: lexical, by the path below the directory (the kubelet walks it in that order). */
function dropInKey(object: K8sObject): string {
  return posix.normalize((object.source?.path ?? '').replace(/\\/g, '/'));
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** True when the value of a list-shaped config field or flag contains an item. */
export function listHas(list: readonly string[], item: string): boolean {
  return list.some((entry) => splitList(entry).includes(item));
}

export function isKubeletConfiguration(object: K8sObject): boolean {
  return (
    object.kind === 'KubeletConfiguration' && object.group === 'kubelet.config.k8s.io' && asObject(object.value) !== undefined
  );
}
