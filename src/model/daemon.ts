/**
 * The Docker daemon's configuration, from every place it is written: `daemon.json`, dockerd
 * command lines in systemd units and drop-ins, `/etc/default/docker` and `/etc/sysconfig/docker`
 * style files, and TCP listeners of `docker.socket`. dockerd merges its flags with daemon.json, so
 * the sources found in one scan are merged into one configuration (one per daemon.json when a scan
 * holds several), and rules judge the merged view: a flag in the unit satisfies a rule that
 * daemon.json alone would fail.
 */
import type { At } from '../analyzers/container-spec.js';
import type { OffsetRange, SourceText } from '../core/source.js';
import { lookupTable } from '../core/table.js';
import type { Locatable } from '../rules/types.js';
import type { SourceDocument } from '../sources/handler.js';
import type { Path, YamlDocument } from '../sources/yaml.js';
import { parseArgs } from './cli-args.js';
import { asObject, isObject } from './k8s.js';
import type { ShellArg } from './shell.js';

declare module '../rules/types.js' {
  interface TargetSubjects {
    /** The Docker daemon configuration of the scan (daemon.json and dockerd command lines merged). */
    daemon: DaemonConfig;
  }
}

export interface DaemonSetting {
  /** The daemon.json key (`hosts`, `icc`, `log-level`, ...), also for settings given as flags. */
  key: string;
  value: unknown;
  at: At;
  source: DaemonSource;
  /** How it is written, for messages: `"icc": true` or `--icc=true`. */
  written: string;
}

export type DaemonSourceKind = 'daemon.json' | 'command line' | 'socket unit';

export class DaemonSource implements Locatable {
  readonly type = 'daemon-source' as const;
  readonly kind: DaemonSourceKind;
  readonly source: SourceText;
  readonly yaml: YamlDocument | undefined;
  /** Where findings about something missing point: the JSON root, the ExecStart line. */
  readonly anchor: OffsetRange;
  readonly settings: DaemonSetting[] = [];
  /** Environment the daemon (or the unit) sets: DOCKER_CONTENT_TRUST and the like. */
  readonly environment = new Map<string, { value: string; at: At }>();

  constructor(options: { kind: DaemonSourceKind; source: SourceText; yaml?: YamlDocument; anchor: OffsetRange }) {
    this.kind = options.kind;
    this.source = options.source;
    this.yaml = options.yaml;
    this.anchor = options.anchor;
  }

  locate(path: Path): OffsetRange {
    if (this.yaml) return this.yaml.locate(path);
    return this.anchor;
  }

  add(key: string, value: unknown, at: At, written: string): void {
    this.settings.push({ key, value, at, source: this, written });
  }
}

export class DaemonConfig implements Locatable {
  readonly type = 'daemon' as const;
  readonly sources: DaemonSource[];

  constructor(sources: DaemonSource[]) {
    this.sources = sources;
  }

  /** The source absence findings point at: daemon.json if there is one. */
  get primary(): DaemonSource {
    return this.sources.find((s) => s.kind === 'daemon.json') ?? (this.sources[0] as DaemonSource);
  }

  get source(): SourceText {
    return this.primary.source;
  }

  locate(path: Path): OffsetRange {
    return this.primary.locate(path);
  }

  /** Every setting of a key, across sources. */
  all(key: string): DaemonSetting[] {
    return this.sources.flatMap((s) => s.settings.filter((setting) => setting.key === key));
  }

  /** The setting of a key (the last one written, as the daemon's flag parsing keeps the last). */
  get(key: string): DaemonSetting | undefined {
    const all = this.all(key);
    return all[all.length - 1];
  }

  /** A boolean setting: true, false, or undefined when not set. */
  flag(key: string): boolean | undefined {
    const value = this.get(key)?.value;
    if (typeof value === 'boolean') return value;
    if (typeof value === 'string') return /^(true|1)$/i.test(value) ? true : /^(false|0)$/i.test(value) ? false : undefined;
    return undefined;
  }

  env(name: string): { value: string; at: At; source: DaemonSource } | undefined {
    for (const source of this.sources) {
      const found = source.environment.get(name);
      if (found) return { ...found, source };
    }
    return undefined;
  }
}

/** Groups the daemon sources of a scan into configurations. */
export function daemonConfigs(documents: readonly SourceDocument[]): DaemonConfig[] {
  const sources = documents.filter((d): d is DaemonSource => d instanceof DaemonSource);
  if (sources.length === 0) return [];
  const jsons = sources.filter((s) => s.kind === 'daemon.json');
  if (jsons.length <= 1) return [new DaemonConfig([...jsons, ...sources.filter((s) => s.kind !== 'daemon.json')])];
  const groups = new Map<DaemonSource, DaemonSource[]>(jsons.map((j) => [j, [j]]));
  for (const other of sources.filter((s) => s.kind !== 'daemon.json')) {
    let best = jsons[0] as DaemonSource;
    let bestLength = -1;
    for (const json of jsons) {
      const length = commonPrefix(json.source.path, other.source.path);
      if (length > bestLength) {
        best = json;
        bestLength = length;
      }
    }
    groups.get(best)?.push(other);
  }
  return [...groups.values()].map((group) => new DaemonConfig(group));
}

function commonPrefix(a: string, b: string): number {
  const x = a.split(/[\\/]/);
  const y = b.split(/[\\/]/);
  let i = 0;
  while (i < x.length - 1 && i < y.length - 1 && x[i] === y[i]) i++;
  return i;
}

// ---- daemon.json ----------------------------------------------------------------------------

/** Keys dockerd accepts in daemon.json (those that tell a daemon.json from other JSON). */
export const DAEMON_KEYS = new Set([
  'allow-nondistributable-artifacts',
  'api-cors-header',
  'authorization-plugins',
  'bip',
  'bip6',
  'bridge',
  'builder',
  'cdi-spec-dirs',
  'cgroup-parent',
  'containerd',
  'containerd-namespace',
  'containerd-plugins-namespace',
  'content-trust',
  'data-root',
  'debug',
  'default-address-pools',
  'default-cgroupns-mode',
  'default-gateway',
  'default-gateway-v6',
  'default-ipc-mode',
  'default-network-opts',
  'default-runtime',
  'default-shm-size',
  'default-ulimits',
  'dns',
  'dns-opts',
  'dns-search',
  'exec-opts',
  'exec-root',
  'experimental',
  'features',
  'fixed-cidr',
  'fixed-cidr-v6',
  'group',
  'host-gateway-ip',
  'hosts',
  'proxies',
  'icc',
  'init',
  'init-path',
  'insecure-registries',
  'ip',
  'ip-forward',
  'ip-forward-no-drop',
  'ip-masq',
  'ip6tables',
  'iptables',
  'ipv6',
  'labels',
  'live-restore',
  'log-driver',
  'log-format',
  'log-level',
  'log-opts',
  'max-concurrent-downloads',
  'max-concurrent-uploads',
  'max-download-attempts',
  'metrics-addr',
  'min-api-version',
  'mtu',
  'no-new-privileges',
  'node-generic-resources',
  'oom-score-adjust',
  'pidfile',
  'raw-logs',
  'registry-mirrors',
  'runtimes',
  'seccomp-profile',
  'selinux-enabled',
  'shutdown-timeout',
  'storage-driver',
  'storage-opts',
  'swarm-default-advertise-addr',
  'tls',
  'tlscacert',
  'tlscert',
  'tlskey',
  'tlsverify',
  'userland-proxy',
  'userland-proxy-path',
  'userns-remap',
  'cri-containerd',
]);

/** Whether a JSON/YAML value reads like daemon.json (by content). */
export function looksLikeDaemonJson(value: unknown): boolean {
  if (!isObject(value)) return false;
  const keys = Object.keys(value);
  if (keys.length === 0) return false;
  const known = keys.filter((k) => DAEMON_KEYS.has(k)).length;
  return known >= 2 && known / keys.length >= 0.7;
}

export function daemonJsonSource(yaml: YamlDocument): DaemonSource {
  const source = new DaemonSource({ kind: 'daemon.json', source: yaml.source, yaml, anchor: yaml.range });
  const value = asObject(yaml.value) ?? {};
  for (const [key, setting] of Object.entries(value)) {
    source.add(key, setting, { path: [key] }, `"${key}": ${JSON.stringify(setting)}`);
  }
  const trust = asObject(value['content-trust']);
  if (trust && typeof trust.mode === 'string')
    source.environment.set('content-trust.mode', { value: trust.mode, at: { path: ['content-trust', 'mode'] } });
  return source;
}

// ---- dockerd flags ----------------------------------------------------------------------------

type FlagKind = 'bool' | 'string' | 'list';

/** dockerd flags and the daemon.json key each sets. */
const FLAGS: Readonly<Record<string, { key: string; kind: FlagKind }>> = lookupTable({
  '-H': { key: 'hosts', kind: 'list' },
  '--host': { key: 'hosts', kind: 'list' },
  '--tls': { key: 'tls', kind: 'bool' },
  '--tlsverify': { key: 'tlsverify', kind: 'bool' },
  '--tlscacert': { key: 'tlscacert', kind: 'string' },
  '--tlscert': { key: 'tlscert', kind: 'string' },
  '--tlskey': { key: 'tlskey', kind: 'string' },
  '--icc': { key: 'icc', kind: 'bool' },
  '--userns-remap': { key: 'userns-remap', kind: 'string' },
  '--no-new-privileges': { key: 'no-new-privileges', kind: 'bool' },
  '--live-restore': { key: 'live-restore', kind: 'bool' },
  '--userland-proxy': { key: 'userland-proxy', kind: 'bool' },
  '-l': { key: 'log-level', kind: 'string' },
  '--log-level': { key: 'log-level', kind: 'string' },
  '--log-driver': { key: 'log-driver', kind: 'string' },
  '--log-opt': { key: 'log-opts', kind: 'list' },
  '--default-ulimit': { key: 'default-ulimits', kind: 'list' },
  '--seccomp-profile': { key: 'seccomp-profile', kind: 'string' },
  '--selinux-enabled': { key: 'selinux-enabled', kind: 'bool' },
  '--insecure-registry': { key: 'insecure-registries', kind: 'list' },
  '--experimental': { key: 'experimental', kind: 'bool' },
  '--iptables': { key: 'iptables', kind: 'bool' },
  '--ip6tables': { key: 'ip6tables', kind: 'bool' },
  '--authorization-plugin': { key: 'authorization-plugins', kind: 'list' },
  '-D': { key: 'debug', kind: 'bool' },
  '--debug': { key: 'debug', kind: 'bool' },
  '--ip': { key: 'ip', kind: 'string' },
  '--storage-driver': { key: 'storage-driver', kind: 'string' },
  '-s': { key: 'storage-driver', kind: 'string' },
  '--data-root': { key: 'data-root', kind: 'string' },
  '--registry-mirror': { key: 'registry-mirrors', kind: 'list' },
  '--default-runtime': { key: 'default-runtime', kind: 'string' },
  '--containerd': { key: 'containerd', kind: 'string' },
  '-G': { key: 'group', kind: 'string' },
  '--group': { key: 'group', kind: 'string' },
  '--config-file': { key: 'config-file', kind: 'string' },
  '--bip': { key: 'bip', kind: 'string' },
  '--ip-forward': { key: 'ip-forward', kind: 'bool' },
  '--ip-masq': { key: 'ip-masq', kind: 'bool' },
  '--mtu': { key: 'mtu', kind: 'string' },
  '--exec-opt': { key: 'exec-opts', kind: 'list' },
  '--storage-opt': { key: 'storage-opts', kind: 'list' },
  '--dns': { key: 'dns', kind: 'list' },
  '--label': { key: 'labels', kind: 'list' },
  '--cgroup-parent': { key: 'cgroup-parent', kind: 'string' },
  '-p': { key: 'pidfile', kind: 'string' },
  '--pidfile': { key: 'pidfile', kind: 'string' },
  '--metrics-addr': { key: 'metrics-addr', kind: 'string' },
});

const VALUED = Object.entries(FLAGS)
  .filter(([, f]) => f.kind !== 'bool')
  .map(([name]) => name);

/**
 * Reads dockerd's arguments into a source. `map` turns a script range into a source range.
 * Returns false when the words are not a dockerd command line.
 */
export function addDockerdFlags(
  source: DaemonSource,
  args: readonly ShellArg[],
  map: (range: readonly [number, number]) => OffsetRange,
): void {
  const parsed = parseArgs(args, { valued: VALUED });
  for (const option of parsed.options) {
    const flag = FLAGS[option.name];
    if (!flag) continue;
    const word = option.valueArg ?? option.arg;
    const at: At = { range: map(word.range) };
    const written = option.valueArg ? `${option.name} ${option.value ?? ''}` : (option.arg.value ?? option.arg.text);
    if (flag.kind === 'bool') source.add(flag.key, option.value === undefined ? true : option.value, at, written);
    else if (flag.kind === 'list') source.add(flag.key, [option.value ?? ''], at, written);
    else source.add(flag.key, option.value ?? '', at, written);
  }
}

/** Whether a command runs the Docker daemon: `dockerd`, `dockerd-current`, legacy `docker daemon` / `docker -d`. */
export function dockerdArgs(words: readonly ShellArg[]): readonly ShellArg[] | undefined {
  const name = words[0]?.value;
  if (name === undefined) return undefined;
  const program = name.slice(name.lastIndexOf('/') + 1);
  if (program === 'dockerd' || program === 'dockerd-current') return words.slice(1);
  if (program === 'docker' && (words[1]?.value === 'daemon' || words[1]?.value === '-d')) return words.slice(2);
  return undefined;
}
