/**
 * `greenbelt etcd verify`: read the stored objects of chosen resources from etcd (read-only,
 * paged), classify each value the way the API server's storage layer sees it, and, given the
 * encryption config, decrypt with the named key to prove it is readable. With a proposed config
 * it also answers the question a key rotation depends on: would every object still be readable?
 * Values are never kept, returned or printed: only key names, states and counts.
 */

import { lookupTable } from '../core/table.js';
import {
  describeProvider,
  type EncryptionConfig,
  type GroupResource,
  parseGroupResource,
} from '../model/control-plane/encryption.js';
import type { EtcdClient } from './client.js';
import { classify, type PlainFormat, readWithConfig } from './storage.js';

export type ObjectState = 'plaintext' | 'encrypted' | 'unreadable';

export interface VerifiedObject {
  key: string;
  resource: string;
  state: ObjectState;
  /** `aescbc`, `aesgcm`, `secretbox`, `kms` (with `kmsVersion`), or null for plain text. */
  provider: string | null;
  /** The key name (or KMS provider name) in the value's prefix. */
  keyName: string | null;
  /** Decryption with the config's key: true, false, or null when not attempted. */
  decrypts: boolean | null;
  kmsVersion?: string;
  /** Storage format of a plain value (protobuf, json, cbor). */
  format?: PlainFormat;
  /** apiVersion and kind of a plain value. */
  objectKind?: string;
  /** Whether the API server can read it under the config (null: a KMS plugin decides). */
  readable?: boolean | null;
  /** Readable, but not under the config's current write key: a rewrite would re-encrypt it. */
  stale?: boolean;
  /** Whether it stays readable under the proposed config. */
  readableAfterChange?: boolean | null;
  reason?: string;
}

export interface KeyUse {
  /** `aescbc/key1`, `secretbox/key2`, `kms-v2/vault`, `identity`. */
  key: string;
  objects: number;
  inConfig: boolean;
  /** The key that encrypts new writes of at least one checked resource. */
  current: boolean;
}

export interface VerifySummary {
  objects: number;
  plaintext: number;
  encrypted: number;
  unreadable: number;
  prefixes: string[];
  revision?: number;
  /** Keys seen in stored values and keys of the config, with object counts. */
  keys: KeyUse[];
  /** The key that encrypts new writes, per resource (config given). */
  currentKeys?: Record<string, string>;
  /** Keys of the config that no checked object uses. */
  unusedKeys?: string[];
  /** Readable objects not under the current key (config given). */
  stale?: number;
  proposed?: { readable: number; unreadable: number; unknown: number; unreadableKeys: string[] };
}

export interface VerifyResult {
  objects: VerifiedObject[];
  summary: VerifySummary;
}

export interface VerifyOptions {
  client: EtcdClient;
  /** The API server's --etcd-prefix (default /registry). */
  prefix?: string;
  /** Resources (`secrets`, `configmaps`, `deployments.apps`, `widgets.example.com`) or raw key prefixes (`/registry/...`). */
  resources?: readonly string[];
  config?: EncryptionConfig | undefined;
  proposed?: EncryptionConfig | undefined;
  pageSize?: number;
}

/** Built-in resources whose etcd path is not `<prefix>/<resource>/`. */
const SPECIAL_PATHS: Readonly<Record<string, string>> = lookupTable({
  services: 'services/specs',
  endpoints: 'services/endpoints',
  nodes: 'minions',
  replicationcontrollers: 'controllers',
  'ingresses.networking.k8s.io': 'ingress',
  'ingresses.extensions': 'ingress',
  'podsecuritypolicies.policy': 'podsecuritypolicy',
  'customresourcedefinitions.apiextensions.k8s.io': 'apiextensions.k8s.io/customresourcedefinitions',
  'apiservices.apiregistration.k8s.io': 'apiregistration.k8s.io/apiservices',
});

/** API groups whose resources live directly under the prefix (the API server's own groups). */
function isBuiltInGroup(group: string): boolean {
  return group === '' || !group.includes('.') || group.endsWith('.k8s.io') || group === 'apiextensions.k8s.io';
}

export interface ResourceTarget {
  /** What the user asked for. */
  name: string;
  gr: GroupResource;
  /** The etcd key prefix, ending with `/`. */
  keyPrefix: string;
}

/** The etcd key prefix of a resource, as the API server lays out storage. */
export function resourceTarget(name: string, prefix = '/registry'): ResourceTarget {
  const base = prefix.replace(/\/+$/, '');
  if (name.startsWith('/')) {
    const rest = name.slice(base.length + 1).split('/');
    const gr: GroupResource =
      rest.length >= 2 && rest[0]?.includes('.')
        ? { group: rest[0], resource: rest[1] ?? '' }
        : { group: '', resource: rest[0] ?? '' };
    return { name, gr, keyPrefix: name.endsWith('/') ? name : `${name}/` };
  }
  const gr = parseGroupResource(name);
  const special = SPECIAL_PATHS[name];
  const path = special ?? (isBuiltInGroup(gr.group) ? gr.resource : `${gr.group}/${gr.resource}`);
  return { name, gr, keyPrefix: `${base}/${path}/` };
}

function providerLabel(type: string | undefined, name: string | undefined, kmsVersion?: string): string {
  if (!type) return 'unknown';
  if (type === 'kms') return `kms-${kmsVersion ?? 'v1'}/${name ?? ''}`;
  if (type === 'identity') return 'identity';
  return `${type}/${name ?? ''}`;
}

/** Labels of every key and KMS provider a config offers for a resource, and its current one. */
function configKeys(config: EncryptionConfig, gr: GroupResource): { labels: string[]; current: string | undefined } {
  const providers = config.resolve(gr)?.providers;
  if (!providers) return { labels: [], current: undefined };
  const labels: string[] = [];
  for (const provider of providers) {
    if (provider.type === 'kms') labels.push(providerLabel('kms', provider.kms?.name, provider.kms?.apiVersion));
    else if (provider.type && provider.type !== 'identity')
      for (const key of provider.keys) labels.push(providerLabel(provider.type, key.name));
  }
  const first = providers[0];
  const current =
    first?.type === 'identity'
      ? 'identity'
      : first?.type === 'kms'
        ? providerLabel('kms', first.kms?.name, first.kms?.apiVersion)
        : first?.type
          ? providerLabel(first.type, first.keys[0]?.name)
          : undefined;
  return { labels, current };
}

export async function verifyEtcd(options: VerifyOptions): Promise<VerifyResult> {
  const prefix = options.prefix ?? '/registry';
  const targets = (options.resources && options.resources.length > 0 ? options.resources : ['secrets']).map((r) =>
    resourceTarget(r, prefix),
  );
  const objects: VerifiedObject[] = [];
  const counts = new Map<string, number>();
  const summary: VerifySummary = {
    objects: 0,
    plaintext: 0,
    encrypted: 0,
    unreadable: 0,
    prefixes: targets.map((t) => t.keyPrefix),
    keys: [],
  };
  let stale = 0;
  const proposed = { readable: 0, unreadable: 0, unknown: 0, unreadableKeys: new Set<string>() };

  for (const target of targets) {
    for await (const page of options.client.scan(
      Buffer.from(target.keyPrefix),
      options.pageSize ? { pageSize: options.pageSize } : {},
    )) {
      for (const kv of page) {
        const object = verifyValue(target, kv.key, kv.value, options.config);
        if (options.proposed) {
          const after = readWithConfig(options.proposed, target.gr, kv.key, kv.value);
          object.readableAfterChange = after.readable;
          if (after.readable === true) proposed.readable++;
          else if (after.readable === false) {
            proposed.unreadable++;
            proposed.unreadableKeys.add(
              providerLabel(object.provider ?? undefined, object.keyName ?? undefined, object.kmsVersion),
            );
          } else proposed.unknown++;
        }
        if (object.stale) stale++;
        summary[object.state]++;
        const label =
          object.state === 'plaintext'
            ? 'identity'
            : providerLabel(object.provider ?? undefined, object.keyName ?? undefined, object.kmsVersion);
        counts.set(label, (counts.get(label) ?? 0) + 1);
        objects.push(object);
      }
    }
  }
  summary.objects = objects.length;

  const inConfig = new Set<string>();
  const current = new Set<string>();
  if (options.config) {
    const currentKeys: Record<string, string> = {};
    for (const target of targets) {
      const keys = configKeys(options.config, target.gr);
      for (const label of keys.labels) inConfig.add(label);
      if (keys.current) {
        currentKeys[target.name] = keys.current;
        current.add(keys.current);
      }
    }
    summary.currentKeys = currentKeys;
    summary.unusedKeys = [...inConfig].filter((label) => !counts.has(label));
    summary.stale = stale;
  }
  const labels = new Set([...counts.keys(), ...inConfig]);
  summary.keys = [...labels]
    .sort()
    .map((key) => ({ key, objects: counts.get(key) ?? 0, inConfig: inConfig.has(key), current: current.has(key) }));
  if (options.proposed) {
    summary.proposed = {
      readable: proposed.readable,
      unreadable: proposed.unreadable,
      unknown: proposed.unknown,
      unreadableKeys: [...proposed.unreadableKeys].sort(),
    };
  }
  return { objects, summary };
}

/** One stored value: what it is, and what the API server makes of it under the config. */
export function verifyValue(
  target: ResourceTarget,
  etcdKey: Buffer,
  value: Buffer,
  config: EncryptionConfig | undefined,
): VerifiedObject {
  const key = etcdKey.toString('utf8');
  const seen = classify(value);
  const object: VerifiedObject = {
    key,
    resource: target.name,
    state: 'unreadable',
    provider: null,
    keyName: null,
    decrypts: null,
  };
  if (seen.kind === 'plain') {
    object.state = 'plaintext';
    if (seen.format) object.format = seen.format;
    if (seen.objectKind) object.objectKind = seen.objectKind;
  } else if (seen.kind === 'encrypted') {
    object.state = 'encrypted';
    object.provider = seen.provider ?? null;
    object.keyName = seen.keyName ?? null;
    if (seen.provider === 'kms' && seen.version) object.kmsVersion = seen.version;
    if (!seen.provider) object.reason = 'unknown k8s:enc: prefix';
  } else {
    object.reason = 'not a storage format the API server writes';
  }
  if (!config) return object;
  const read = readWithConfig(config, target.gr, etcdKey, value);
  object.readable = read.readable;
  if (read.key) object.keyName = read.key.name;
  if (object.state === 'encrypted') {
    object.decrypts = read.decrypts;
    if (read.readable === false) object.state = 'unreadable';
    if (read.readable !== false) object.stale = read.stale;
  } else if (object.state === 'plaintext') {
    // Plain text where the config encrypts new writes: a rewrite would encrypt it.
    const writer = config.resolve(target.gr)?.providers[0];
    object.stale = writer !== undefined && writer.type !== 'identity';
  }
  if (read.reason && read.readable === false) {
    object.reason = read.provider ? `${read.reason} (${describeProvider(read.provider)})` : read.reason;
  }
  return object;
}
