/**
 * etcd's own YAML configuration file (`--config-file`, or the `ETCD_CONFIG_FILE` variable), in the
 * format of etcd's `etcd.conf.yml.sample`: top-level keys named like the flags (`listen-client-urls`,
 * `data-dir`, ...), and the TLS settings nested under `client-transport-security` and
 * `peer-transport-security` (`cert-file`, `key-file`, `client-cert-auth`, `trusted-ca-file`,
 * `auto-tls`, ...).
 *
 * When etcd is given a config file it reads only the file: every other command-line flag and every
 * `ETCD_*` variable is ignored (etcdmain's `parse`: `configFromFile` replaces `configFromCmdLine`).
 * TLS keys written at the top level of the file are not read either: etcd takes them from the two
 * nested sections only.
 */
import { posix } from 'node:path';
import type { OffsetRange, SourceText } from '../../core/source.js';
import type { Locatable } from '../../rules/types.js';
import type { Path, YamlDocument } from '../../sources/yaml.js';
import { asObject } from '../k8s.js';
import type { FlagOccurrence, Where } from './flags.js';

/** Keys of the two TLS sections, and the flag each corresponds to (with `peer-` for the peer section). */
const TLS_KEYS = [
  'cert-file',
  'key-file',
  'client-cert-file',
  'client-key-file',
  'client-cert-auth',
  'trusted-ca-file',
  'auto-tls',
  'allowed-cn',
  'allowed-hostname',
  'skip-client-san-verification',
];

const SECTIONS: readonly [section: string, prefix: string][] = [
  ['client-transport-security', ''],
  ['peer-transport-security', 'peer-'],
];

/** Top-level keys of etcd's config file that mark a YAML document as one (with no apiVersion/kind). */
const DISTINCTIVE_KEYS = new Set([
  'listen-client-urls',
  'listen-peer-urls',
  'advertise-client-urls',
  'initial-advertise-peer-urls',
  'initial-cluster',
  'initial-cluster-state',
  'initial-cluster-token',
  'client-transport-security',
  'peer-transport-security',
]);

const COMMON_KEYS = new Set([
  'name',
  'data-dir',
  'wal-dir',
  'snapshot-count',
  'heartbeat-interval',
  'election-timeout',
  'quota-backend-bytes',
  'max-snapshots',
  'max-wals',
  'cors',
  'discovery',
  'discovery-srv',
  'strict-reconfig-check',
  'enable-pprof',
  'proxy',
  'log-level',
  'logger',
  'log-outputs',
  'force-new-cluster',
  'auto-compaction-mode',
  'auto-compaction-retention',
  'cipher-suites',
  'tls-min-version',
  'tls-max-version',
  'self-signed-cert-validity',
  'listen-metrics-urls',
  'metrics',
  'enable-v2',
]);

/** An etcd configuration file of the scan. */
export class EtcdConfigFile implements Locatable {
  readonly type = 'etcd-config' as const;
  readonly document: YamlDocument;
  readonly kind = 'etcd config file';
  readonly name = '';
  readonly namespace = undefined;
  readonly annotations: Record<string, string> = {};

  constructor(document: YamlDocument) {
    this.document = document;
  }

  get source(): SourceText {
    return this.document.source;
  }

  get value(): Record<string, unknown> {
    return asObject(this.document.value) ?? {};
  }

  locate(path: Path): OffsetRange | undefined {
    return this.document.locate(path);
  }

  releasePositions(): void {
    this.document.releasePositions();
  }

  /** The settings of the file as flag occurrences (`client-transport-security.auto-tls` is `--auto-tls`). */
  occurrences(): FlagOccurrence[] {
    const out: FlagOccurrence[] = [];
    const value = this.value;
    const nestedFlags = new Set(SECTIONS.flatMap(([, prefix]) => TLS_KEYS.map((k) => `${prefix}${k}`)));
    for (const [key, raw] of Object.entries(value)) {
      if (SECTIONS.some(([section]) => section === key) || nestedFlags.has(key)) continue;
      const text = flagText(raw);
      if (text === undefined) continue;
      out.push({ name: key, value: text, at: { on: this, path: [key] }, via: key });
    }
    for (const [section, prefix] of SECTIONS) {
      const body = asObject(value[section]);
      if (!body) continue;
      for (const key of TLS_KEYS) {
        const text = flagText(body[key]);
        if (text === undefined) continue;
        out.push({ name: `${prefix}${key}`, value: text, at: { on: this, path: [section, key] }, via: `${section}.${key}` });
      }
    }
    return out;
  }

  /** TLS keys written at the top level (`client-cert-auth: true`), which etcd does not read from a config file. */
  misplaced(): FlagOccurrence[] {
    const nestedFlags = new Set(SECTIONS.flatMap(([, prefix]) => TLS_KEYS.map((k) => `${prefix}${k}`)));
    const out: FlagOccurrence[] = [];
    for (const [key, raw] of Object.entries(this.value)) {
      if (!nestedFlags.has(key)) continue;
      out.push({ name: key, value: flagText(raw) ?? '', at: { on: this, path: [key] }, via: key });
    }
    return out;
  }

  /** The name of a flag's setting in this file (`client-transport-security.client-cert-auth`). */
  static keyOf(flag: string): string {
    for (const [section, prefix] of [...SECTIONS].reverse()) {
      if (prefix !== '' && !flag.startsWith(prefix)) continue;
      const key = flag.slice(prefix.length);
      if (TLS_KEYS.includes(key)) return `${section}.${key}`;
    }
    return flag;
  }

  /** Where a flag's absent setting belongs: its TLS section when the file has one, else the root. */
  whereMissing(flag: string): Where {
    if (flag in this.value) return { on: this, path: [flag] };
    const key = EtcdConfigFile.keyOf(flag);
    const dot = key.indexOf('.');
    if (dot !== -1) {
      const section = key.slice(0, dot);
      if (asObject(this.value[section])) return { on: this, path: [section] };
    }
    return { on: this, path: [] };
  }
}

/** A YAML value as a flag value: scalars as written, lists joined with commas (etcd's URL lists). */
function flagText(raw: unknown): string | undefined {
  if (typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean') return String(raw);
  if (Array.isArray(raw) && raw.every((v) => typeof v === 'string' || typeof v === 'number')) return raw.join(',');
  return undefined;
}

/** Whether a YAML document (without apiVersion/kind) is an etcd configuration file. */
export function looksLikeEtcdConfig(value: unknown, path: string): boolean {
  const map = asObject(value);
  if (!map || 'apiVersion' in map || 'kind' in map) return false;
  const keys = Object.keys(map);
  if (keys.length === 0) return false;
  const distinctive = keys.filter((k) => DISTINCTIVE_KEYS.has(k)).length;
  const known = keys.filter((k) => DISTINCTIVE_KEYS.has(k) || COMMON_KEYS.has(k)).length;
  const name = posix.basename(path.replace(/\\/g, '/'));
  // `etcd.conf.yml`, `etcd.yaml`, `etcd-config.yaml`: the name and one key of etcd's own.
  if (/^etcd(\.conf|[.-]config)?\.(ya?ml|json)$/i.test(name) && distinctive + (known >= 2 ? 1 : 0) > 0) {
    return known / keys.length >= 0.6;
  }
  return distinctive >= 1 && known >= 2 && known / keys.length >= 0.5;
}

/** The YAML classifier for etcd configuration files. */
export function classifyEtcdConfig(document: YamlDocument, source: SourceText): EtcdConfigFile | undefined {
  return looksLikeEtcdConfig(document.value, source.path) ? new EtcdConfigFile(document) : undefined;
}
