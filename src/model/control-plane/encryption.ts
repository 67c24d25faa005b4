/**
 * EncryptionConfiguration (`apiserver.config.k8s.io/v1`) as the API server reads it: which
 * providers protect which resource (exact `resource.group` entries first, then `*.<group>`, then
 * `*.*`; the same resource in several entries appends their providers in order), which provider
 * encrypts new writes (the first), and what the API server's validation and loader reject.
 */
import type { ObjectRef } from '../../core/finding.js';
import type { OffsetRange, SourceText } from '../../core/source.js';
import type { Locatable } from '../../rules/types.js';
import type { Path } from '../../sources/yaml.js';
import { asArray, asObject, asString, isObject, type K8sObject } from '../k8s.js';
import { parseGoDuration } from './flags.js';

export const ENCRYPTION_API_VERSION = 'apiserver.config.k8s.io/v1';

export type ProviderType = 'identity' | 'aescbc' | 'aesgcm' | 'secretbox' | 'kms';
export const PROVIDER_TYPES: readonly ProviderType[] = ['kms', 'aesgcm', 'aescbc', 'secretbox', 'identity'];

export interface GroupResource {
  group: string;
  resource: string;
}

/** schema.ParseGroupResource: `secrets` -> core, `deployments.apps`, `*.` -> every core resource. */
export function parseGroupResource(text: string): GroupResource {
  const dot = text.indexOf('.');
  if (dot === -1) return { group: '', resource: text };
  return { group: text.slice(dot + 1), resource: text.slice(0, dot) };
}

export function formatGroupResource(gr: GroupResource): string {
  if (gr.group === '' && gr.resource === '*') return '*.';
  return gr.group === '' ? gr.resource : `${gr.resource}.${gr.group}`;
}

function grKey(gr: GroupResource): string {
  return `${gr.resource}\u0000${gr.group}`;
}

export interface EncryptionKey {
  name: string;
  secret: string;
  index: number;
  /** Path of the key entry (`.../keys/0`). */
  path: Path;
  /** The decoded key, or undefined when `secret` is not valid standard base64. */
  decoded: Buffer | undefined;
  provider: EncryptionProvider;
}

export interface KmsSettings {
  name: string;
  /** `v1` when unset (the API server's default). */
  apiVersion: string;
  apiVersionSet: boolean;
  endpoint: string | undefined;
  /** Seconds; undefined when unset (the API server uses 3s). */
  timeout: number | undefined;
  timeoutText: string | undefined;
  cachesize: number | undefined;
}

export interface EncryptionProvider {
  /** The provider, or undefined when the element names none or several. */
  type: ProviderType | undefined;
  /** Every provider key written in the element (validation wants exactly one). */
  written: string[];
  index: number;
  /** Path of the element (`resources/0/providers/1`). */
  path: Path;
  /** Path of the provider key inside the element (`.../providers/1/aescbc`). */
  typePath: Path;
  keys: EncryptionKey[];
  kms: KmsSettings | undefined;
  entry: ResourceEntry;
}

export interface ResourceName {
  text: string;
  gr: GroupResource;
  index: number;
  path: Path;
}

export interface ResourceEntry {
  index: number;
  path: Path;
  resources: ResourceName[];
  providers: EncryptionProvider[];
}

/** How the API server protects one resource under a config. */
export interface Resolution {
  /** The providers tried on reads, in order; the first encrypts new writes. */
  providers: EncryptionProvider[];
  /** Which kind of entry matched. */
  match: 'exact' | 'group' | 'all';
  /** The resource names that matched, in entry order. */
  names: ResourceName[];
}

export interface ConfigProblem {
  message: string;
  path: Path;
}

const NON_REST = new Set(['apiserveripinfo', 'serviceipallocations', 'servicenodeportallocations']);

export class EncryptionConfig implements Locatable {
  readonly type = 'encryption' as const;
  readonly object: K8sObject;
  readonly entries: ResourceEntry[];

  private constructor(object: K8sObject, entries: ResourceEntry[]) {
    this.object = object;
    this.entries = entries;
  }

  static is(object: K8sObject): boolean {
    return (
      (object.kind === 'EncryptionConfiguration' && object.group === 'apiserver.config.k8s.io') ||
      (object.kind === 'EncryptionConfig' && (object.apiVersion === 'v1' || object.group === 'apiserver.config.k8s.io'))
    );
  }

  static of(object: K8sObject): EncryptionConfig | undefined {
    if (!EncryptionConfig.is(object)) return undefined;
    const entries: ResourceEntry[] = [];
    asArray(object.value.resources).forEach((raw, index) => {
      const path: Path = ['resources', index];
      const value = asObject(raw) ?? {};
      const entry: ResourceEntry = { index, path, resources: [], providers: [] };
      asArray(value.resources).forEach((name, j) => {
        const text = typeof name === 'string' ? name : String(name);
        entry.resources.push({ text, gr: parseGroupResource(text), index: j, path: [...path, 'resources', j] });
      });
      asArray(value.providers).forEach((rawProvider, j) => {
        entry.providers.push(parseProvider(rawProvider, [...path, 'providers', j], j, entry));
      });
      entries.push(entry);
    });
    return new EncryptionConfig(object, entries);
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

  get providers(): EncryptionProvider[] {
    return this.entries.flatMap((e) => e.providers);
  }

  get keys(): EncryptionKey[] {
    return this.providers.flatMap((p) => p.keys);
  }

  /**
   * The providers for a resource, as the API server builds them; undefined when no entry covers
   * it (the API server then stores it in plain text). Entries masked by an earlier wildcard are
   * a load error (see `problems`) and are left out, as they never take effect.
   */
  resolve(gr: GroupResource): Resolution | undefined {
    const table = this.table();
    const exact = table.get(grKey(gr));
    if (exact) return { providers: exact.providers, match: 'exact', names: exact.names };
    const group = table.get(grKey({ group: gr.group, resource: '*' }));
    if (group) return { providers: group.providers, match: 'group', names: group.names };
    const all = table.get(grKey({ group: '*', resource: '*' }));
    if (all) return { providers: all.providers, match: 'all', names: all.names };
    return undefined;
  }

  private table(): Map<string, { providers: EncryptionProvider[]; names: ResourceName[] }> {
    const table = new Map<string, { providers: EncryptionProvider[]; names: ResourceName[] }>();
    for (const entry of this.entries) {
      for (const name of entry.resources) {
        if (maskedBy(table, name.gr) !== undefined) continue;
        const key = grKey(name.gr);
        const row = table.get(key) ?? { providers: [], names: [] };
        row.providers.push(...entry.providers);
        row.names.push(name);
        table.set(key, row);
      }
    }
    return table;
  }

  /** Everything the API server's decoder, validation or loader rejects (it then fails to start). */
  problems(): ConfigProblem[] {
    const out: ConfigProblem[] = [];
    const value = this.object.value;
    if (this.object.kind === 'EncryptionConfig') {
      out.push({
        path: ['kind'],
        message:
          'kind EncryptionConfig is the format of Kubernetes 1.7 to 1.13; current API servers only read apiVersion apiserver.config.k8s.io/v1, kind EncryptionConfiguration',
      });
    }
    unknownFields(value, ['apiVersion', 'kind', 'resources'], [], out);
    if (this.entries.length === 0) {
      out.push({ path: ['resources'], message: 'at least one resources entry is required' });
      return out;
    }
    const kmsNames = new Set<string>();
    const table = new Map<string, { providers: EncryptionProvider[]; names: ResourceName[] }>();
    for (const entry of this.entries) {
      const raw = asObject(asArray(value.resources)[entry.index]);
      if (!raw) {
        out.push({ path: entry.path, message: 'a resources entry must be a map with resources and providers' });
        continue;
      }
      unknownFields(raw, ['resources', 'providers'], entry.path, out);
      if (entry.resources.length === 0) {
        out.push({ path: entry.path, message: 'the entry lists no resources' });
      }
      validateNames(entry, out);
      for (const name of entry.resources) {
        const masking = maskedBy(table, name.gr);
        if (masking) {
          out.push({
            path: name.path,
            message: `resource "${name.text}" is masked by the earlier entry "${formatGroupResource(masking)}": the API server refuses to load this config (list specific resources before wildcards)`,
          });
          continue;
        }
        const key = grKey(name.gr);
        const row = table.get(key) ?? { providers: [], names: [] };
        row.names.push(name);
        table.set(key, row);
      }
      if (entry.providers.length === 0) {
        out.push({ path: [...entry.path, 'providers'], message: 'the entry has no providers' });
      }
      for (const provider of entry.providers) {
        if (provider.written.length === 0) {
          out.push({
            path: provider.path,
            message: 'the provider element names none of kms, aesgcm, aescbc, secretbox, identity',
          });
          continue;
        }
        if (provider.written.length > 1) {
          out.push({
            path: provider.path,
            message: `one provider element names several providers (${provider.written.join(', ')}); give each its own list item`,
          });
          continue;
        }
        const body = asObject(asObject(getRaw(this.object, provider.path))?.[provider.written[0] as string]);
        if (provider.type === 'identity') {
          unknownFields(body ?? {}, [], provider.typePath, out);
        } else if (provider.type === 'kms') {
          unknownFields(body ?? {}, ['apiVersion', 'name', 'endpoint', 'cachesize', 'timeout'], provider.typePath, out);
          validateKms(provider, kmsNames, out);
        } else if (provider.type) {
          unknownFields(body ?? {}, ['keys'], provider.typePath, out);
          if (provider.keys.length === 0) {
            out.push({ path: [...provider.typePath, 'keys'], message: `the ${provider.type} provider has no keys` });
          }
          for (const key of provider.keys) {
            const rawKey = asObject(asArray(body?.keys)[key.index]) ?? {};
            unknownFields(rawKey, ['name', 'secret'], key.path, out);
            if (key.name === '') out.push({ path: [...key.path, 'name'], message: 'a key needs a name' });
          }
        }
      }
    }
    return out;
  }
}

function getRaw(object: K8sObject, path: Path): unknown {
  return object.get(path);
}

function maskedBy(
  table: Map<string, { providers: EncryptionProvider[]; names: ResourceName[] }>,
  gr: GroupResource,
): GroupResource | undefined {
  const group = { group: gr.group, resource: '*' };
  if (table.has(grKey(group))) return group;
  const all = { group: '*', resource: '*' };
  if (table.has(grKey(all))) return all;
  return undefined;
}

function unknownFields(value: unknown, known: readonly string[], path: Path, out: ConfigProblem[]): void {
  if (!isObject(value)) return;
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) {
      out.push({
        path: [...path, key],
        message: `unknown field "${key}" (the API server decodes this file strictly and refuses to start)`,
      });
    }
  }
}

function validateNames(entry: ResourceEntry, out: ConfigProblem[]): void {
  const seen = new Map<string, ResourceName>();
  let overlapReported = false;
  for (const name of entry.resources) {
    const text = name.text;
    const key = grKey(name.gr);
    const earlier = seen.get(key);
    if (earlier) out.push({ path: name.path, message: `"${text}" is listed twice in this entry` });
    else seen.set(key, name);
    if (text.toLowerCase() !== text) {
      out.push({ path: name.path, message: `resource "${text}" has capital letters: resource names are lower-case plurals` });
      continue;
    }
    if (text === '*') {
      out.push({ path: name.path, message: 'use "*." for every core resource or "*.*" for every resource, not "*"' });
      continue;
    }
    if (NON_REST.has(text)) {
      out.push({ path: name.path, message: `"${text}" has no REST API and cannot be encrypted` });
      continue;
    }
    if (name.gr.group === 'events.k8s.io') {
      out.push({ path: name.path, message: 'events.k8s.io objects are stored as core "events": write "events"' });
      continue;
    }
    if (name.gr.group === 'extensions') {
      out.push({ path: name.path, message: 'the "extensions" group is gone and cannot be encrypted' });
      continue;
    }
    if (name.gr.group === '*' && name.gr.resource !== '*') {
      out.push({ path: name.path, message: `"${text}": one resource across every group is not supported` });
    }
  }
  if (entry.resources.length > 1) {
    for (const a of entry.resources) {
      for (const b of entry.resources) {
        if (a === b || overlapReported) continue;
        const overlap =
          (a.gr.group === '*' && a.gr.resource === '*') ||
          (a.gr.group === b.gr.group && grKey(a.gr) !== grKey(b.gr) && (a.gr.resource === '*' || b.gr.resource === '*'));
        if (overlap) {
          overlapReported = true;
          out.push({
            path: [...entry.path, 'resources'],
            message: `"${a.text}" and "${b.text}" overlap in one resource list, which the API server rejects (the specific one would be masked)`,
          });
        }
      }
    }
  }
}

function validateKms(provider: EncryptionProvider, names: Set<string>, out: ConfigProblem[]): void {
  const kms = provider.kms;
  if (!kms) return;
  const at = (field: string): Path => [...provider.typePath, field];
  if (kms.name === '') out.push({ path: at('name'), message: 'a KMS provider needs a name' });
  if (kms.apiVersion !== 'v1' && kms.apiVersion !== 'v2') {
    out.push({ path: at('apiVersion'), message: `KMS apiVersion "${kms.apiVersion}" is not v1 or v2` });
  }
  if (kms.apiVersion !== 'v1' && kms.name.includes(':')) {
    out.push({ path: at('name'), message: `KMS provider name "${kms.name}" must not contain ":"` });
  }
  if (kms.apiVersion !== 'v1' && names.has(kms.name)) {
    out.push({ path: at('name'), message: `KMS provider name "${kms.name}" is used twice: names must be unique` });
  }
  names.add(kms.name);
  if (kms.timeoutText !== undefined && (kms.timeout === undefined || kms.timeout <= 0)) {
    out.push({ path: at('timeout'), message: `KMS timeout "${kms.timeoutText}" must be a positive duration such as 3s` });
  }
  if (kms.endpoint === undefined || kms.endpoint === '') {
    out.push({ path: provider.typePath, message: 'a KMS provider needs an endpoint (unix:///path/to/plugin.sock)' });
  } else if (!/^unix:\/\//.test(kms.endpoint)) {
    out.push({
      path: at('endpoint'),
      message: `KMS endpoint "${kms.endpoint}" is not a unix:// socket, the only scheme supported`,
    });
  }
  if (kms.apiVersion === 'v2' && kms.cachesize !== undefined) {
    out.push({ path: at('cachesize'), message: 'cachesize is not supported by KMS v2' });
  }
  if (kms.apiVersion === 'v1' && kms.cachesize === 0) {
    out.push({ path: at('cachesize'), message: 'cachesize must be positive, or negative to turn the cache off' });
  }
}

/** Go's base64.StdEncoding.DecodeString: padding required, CR and LF ignored, nothing else. */
export function decodeStdBase64(text: string): Buffer | undefined {
  const clean = text.replace(/[\r\n]/g, '');
  if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(clean)) return undefined;
  return Buffer.from(clean, 'base64');
}

function parseProvider(raw: unknown, path: Path, index: number, entry: ResourceEntry): EncryptionProvider {
  const value = asObject(raw) ?? {};
  const written = Object.keys(value).filter((k) => (PROVIDER_TYPES as readonly string[]).includes(k));
  const type = written.length === 1 ? (written[0] as ProviderType) : undefined;
  const typePath: Path = [...path, type ?? written[0] ?? ''];
  const provider: EncryptionProvider = { type, written, index, path, typePath, keys: [], kms: undefined, entry };
  if (type === 'aescbc' || type === 'aesgcm' || type === 'secretbox') {
    const body = asObject(value[type]);
    asArray(body?.keys).forEach((rawKey, k) => {
      const key = asObject(rawKey) ?? {};
      const secret = key.secret === undefined || key.secret === null ? '' : String(key.secret);
      provider.keys.push({
        name: key.name === undefined || key.name === null ? '' : String(key.name),
        secret,
        index: k,
        path: [...typePath, 'keys', k],
        decoded: secret === '' ? undefined : decodeStdBase64(secret),
        provider,
      });
    });
  } else if (type === 'kms') {
    const body = asObject(value.kms) ?? {};
    const timeoutText = body.timeout === undefined || body.timeout === null ? undefined : String(body.timeout);
    const apiVersion = asString(body.apiVersion);
    provider.kms = {
      name: body.name === undefined || body.name === null ? '' : String(body.name),
      apiVersion: apiVersion === undefined || apiVersion === '' ? 'v1' : apiVersion,
      apiVersionSet: apiVersion !== undefined && apiVersion !== '',
      endpoint: asString(body.endpoint),
      timeout: timeoutText === undefined ? undefined : parseGoDuration(timeoutText),
      timeoutText,
      cachesize: typeof body.cachesize === 'number' ? body.cachesize : undefined,
    };
  }
  return provider;
}

/** Expected decoded key lengths per provider. */
export const KEY_LENGTHS: Record<'aescbc' | 'aesgcm' | 'secretbox', readonly number[]> = {
  aescbc: [16, 24, 32],
  aesgcm: [16, 24, 32],
  secretbox: [32],
};

/** The sensitive resources of the settings, parsed. */
export function sensitiveResources(names: readonly string[]): GroupResource[] {
  return names.map(parseGroupResource);
}

/** `k8s:enc:aescbc:v1:key1:` and friends: the prefix a provider and key write. */
export function storagePrefix(provider: EncryptionProvider, key?: EncryptionKey): string | undefined {
  switch (provider.type) {
    case 'aescbc':
    case 'aesgcm':
    case 'secretbox':
      return `k8s:enc:${provider.type}:v1:${key ? `${key.name}:` : ''}`;
    case 'kms':
      return provider.kms ? `k8s:enc:kms:${provider.kms.apiVersion}:${provider.kms.name}:` : undefined;
    default:
      return undefined;
  }
}

/** A provider in words: `aescbc key "key1"`, `KMS v2 "vault"`, `identity (no encryption)`. */
export function describeProvider(provider: EncryptionProvider): string {
  switch (provider.type) {
    case 'identity':
      return 'identity (no encryption)';
    case 'kms':
      return `KMS ${provider.kms?.apiVersion ?? 'v1'} "${provider.kms?.name ?? ''}"`;
    case undefined:
      return 'an invalid provider';
    default: {
      const first = provider.keys[0];
      return first ? `${provider.type} key "${first.name}"` : provider.type;
    }
  }
}
