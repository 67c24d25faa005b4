/**
 * The API server's storage formats in etcd, and its value transformers, reimplemented to read
 * them: plain protobuf (`k8s\0` + runtime.Unknown), JSON and CBOR; `k8s:enc:aescbc:v1:<key>:`
 * (IV + AES-CBC + PKCS#7), `k8s:enc:aesgcm:v1:<key>:` (12-byte nonce + AES-GCM, the etcd key as
 * authenticated data), `k8s:enc:secretbox:v1:<key>:` (24-byte nonce + XSalsa20-Poly1305), and
 * the KMS envelopes `k8s:enc:kms:v1:<name>:` and `k8s:enc:kms:v2:<name>:` (an EncryptedObject
 * protobuf). Nothing here ever returns or prints a decrypted value: callers learn whether a value
 * decrypts and what kind of object it holds, not what it says.
 */
import { createDecipheriv } from 'node:crypto';
import nacl from 'tweetnacl';
import type { EncryptionConfig, EncryptionKey, EncryptionProvider, GroupResource } from '../model/control-plane/encryption.js';

export type PlainFormat = 'protobuf' | 'json' | 'cbor';
export type EncryptedProvider = 'aescbc' | 'aesgcm' | 'secretbox' | 'kms';

const ENC = Buffer.from('k8s:enc:');
const PROTOBUF_MAGIC = Buffer.from([0x6b, 0x38, 0x73, 0x00]);
const CBOR_SELF_DESCRIBED = Buffer.from([0xd9, 0xd9, 0xf7]);

export interface Classified {
  /** `plain` (readable without keys), `encrypted` (a k8s:enc: prefix), or `unknown` bytes. */
  kind: 'plain' | 'encrypted' | 'unknown';
  format?: PlainFormat;
  /** apiVersion/kind of a plain object, when the format tells (never its contents). */
  objectKind?: string;
  provider?: EncryptedProvider;
  /** `v1` or `v2` (KMS). */
  version?: string;
  /** The key name (aescbc, aesgcm, secretbox) or KMS provider name, as written in the prefix. */
  keyName?: string;
}

/** What a stored value is, from its first bytes (no keys needed). */
export function classify(value: Buffer): Classified {
  if (value.subarray(0, ENC.length).equals(ENC)) {
    const text = value.subarray(ENC.length, ENC.length + 512).toString('latin1');
    const match = /^(aescbc|aesgcm|secretbox|kms):(v\d+):([^:]*):/.exec(text);
    if (!match) return { kind: 'encrypted' };
    return {
      kind: 'encrypted',
      provider: match[1] as EncryptedProvider,
      version: match[2] as string,
      keyName: match[3] as string,
    };
  }
  const plain = plainFormat(value);
  if (plain) return { kind: 'plain', ...plain };
  return { kind: 'unknown' };
}

/** Recognises the API server's plain storage encodings. */
export function plainFormat(value: Buffer): { format: PlainFormat; objectKind?: string } | undefined {
  if (value.subarray(0, 4).equals(PROTOBUF_MAGIC)) {
    const typeMeta = protobufUnknownType(value.subarray(4));
    if (!typeMeta) return undefined;
    const objectKind = [typeMeta.apiVersion, typeMeta.kind].filter((s) => s !== '').join(' ');
    return { format: 'protobuf', ...(objectKind ? { objectKind } : {}) };
  }
  if (value.subarray(0, 3).equals(CBOR_SELF_DESCRIBED)) return { format: 'cbor' };
  let i = 0;
  while (i < value.length && (value[i] === 0x20 || value[i] === 0x0a || value[i] === 0x0d || value[i] === 0x09)) i++;
  if (value[i] === 0x7b) {
    const head = value.subarray(i, i + 400).toString('utf8');
    const kind = /"kind"\s*:\s*"([^"]{1,80})"/.exec(head)?.[1];
    const apiVersion = /"apiVersion"\s*:\s*"([^"]{1,120})"/.exec(head)?.[1];
    const objectKind = [apiVersion, kind].filter((s) => s !== undefined).join(' ');
    return { format: 'json', ...(objectKind ? { objectKind } : {}) };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Minimal protobuf reading (wire types 0 and 2 are all these messages use).

interface Field {
  number: number;
  wireType: number;
  varint?: bigint;
  bytes?: Buffer;
}

function readVarint(data: Buffer, offset: number): [bigint, number] | undefined {
  let result = 0n;
  let shift = 0n;
  for (let i = offset; i < data.length && i < offset + 10; i++) {
    const byte = data[i] as number;
    result |= BigInt(byte & 0x7f) << shift;
    if ((byte & 0x80) === 0) return [result, i + 1];
    shift += 7n;
  }
  return undefined;
}

/** Top-level fields of a protobuf message; undefined when the bytes are not well-formed. */
export function protobufFields(data: Buffer): Field[] | undefined {
  const out: Field[] = [];
  let offset = 0;
  while (offset < data.length) {
    const tag = readVarint(data, offset);
    if (!tag) return undefined;
    const number = Number(tag[0] >> 3n);
    const wireType = Number(tag[0] & 7n);
    offset = tag[1];
    if (number === 0) return undefined;
    if (wireType === 0) {
      const v = readVarint(data, offset);
      if (!v) return undefined;
      out.push({ number, wireType, varint: v[0] });
      offset = v[1];
    } else if (wireType === 2) {
      const length = readVarint(data, offset);
      if (!length) return undefined;
      const start = length[1];
      const end = start + Number(length[0]);
      if (end > data.length) return undefined;
      out.push({ number, wireType, bytes: data.subarray(start, end) });
      offset = end;
    } else if (wireType === 5) {
      offset += 4;
    } else if (wireType === 1) {
      offset += 8;
    } else {
      return undefined;
    }
    if (offset > data.length) return undefined;
  }
  return out;
}

/** runtime.Unknown: typeMeta (1: apiVersion, 2: kind), raw (2), contentEncoding (3), contentType (4). */
function protobufUnknownType(data: Buffer): { apiVersion: string; kind: string } | undefined {
  const fields = protobufFields(data);
  if (!fields) return undefined;
  const typeMeta = fields.find((f) => f.number === 1 && f.bytes)?.bytes;
  if (!typeMeta) return { apiVersion: '', kind: '' };
  const meta = protobufFields(typeMeta) ?? [];
  return {
    apiVersion: meta.find((f) => f.number === 1)?.bytes?.toString('utf8') ?? '',
    kind: meta.find((f) => f.number === 2)?.bytes?.toString('utf8') ?? '',
  };
}

export interface KmsV2Envelope {
  keyId: string;
  /** `AES_GCM_KEY` or `HKDF_SHA256_XNONCE_AES_GCM_SEED`. */
  dekSourceType: string;
  encryptedDataLength: number;
}

/**
 * The KMS v2 EncryptedObject: encryptedData (1), keyID (2), encryptedDEKSource (3), annotations
 * (4), encryptedDEKSourceType (5). Valid when data, key ID and DEK source are present (the API
 * server's ValidateEncryptedObject).
 */
export function parseKmsV2Envelope(data: Buffer): KmsV2Envelope | undefined {
  const fields = protobufFields(data);
  if (!fields) return undefined;
  const encryptedData = fields.find((f) => f.number === 1)?.bytes;
  const keyId = fields.find((f) => f.number === 2)?.bytes;
  const dekSource = fields.find((f) => f.number === 3)?.bytes;
  const type = fields.find((f) => f.number === 5)?.varint ?? 0n;
  if (!encryptedData || encryptedData.length === 0 || !keyId || keyId.length === 0 || !dekSource || dekSource.length === 0) {
    return undefined;
  }
  if (keyId.length > 1024 || dekSource.length > 1024) return undefined;
  return {
    keyId: keyId.toString('utf8'),
    dekSourceType: type === 1n ? 'HKDF_SHA256_XNONCE_AES_GCM_SEED' : type === 0n ? 'AES_GCM_KEY' : `unknown(${type})`,
    encryptedDataLength: encryptedData.length,
  };
}

// ---------------------------------------------------------------------------------------------
// Decryption, exactly as the API server's transformers do it.

function aesName(mode: 'cbc' | 'gcm', key: Buffer): string | undefined {
  const bits = key.length * 8;
  return bits === 128 || bits === 192 || bits === 256 ? `aes-${bits}-${mode}` : undefined;
}

/** IV (16 bytes) + AES-CBC ciphertext with PKCS#7 padding; the padding is checked byte by byte. */
export function decryptAesCbc(key: Buffer, data: Buffer): Buffer | undefined {
  const algorithm = aesName('cbc', key);
  if (!algorithm || data.length < 16) return undefined;
  const iv = data.subarray(0, 16);
  const body = data.subarray(16);
  if (body.length === 0 || body.length % 16 !== 0) return undefined;
  const decipher = createDecipheriv(algorithm, key, iv);
  decipher.setAutoPadding(false);
  const out = Buffer.concat([decipher.update(body), decipher.final()]);
  const pad = out[out.length - 1] as number;
  if (pad === 0 || pad > out.length) return undefined;
  for (let i = out.length - pad; i < out.length; i++) if (out[i] !== pad) return undefined;
  return out.subarray(0, out.length - pad);
}

/** 12-byte nonce + AES-GCM ciphertext + 16-byte tag, authenticated with the etcd key. */
export function decryptAesGcm(key: Buffer, data: Buffer, authenticatedData: Buffer): Buffer | undefined {
  const algorithm = aesName('gcm', key);
  if (!algorithm || data.length < 12 + 16) return undefined;
  try {
    const decipher = createDecipheriv(algorithm as 'aes-256-gcm', key, data.subarray(0, 12));
    decipher.setAAD(authenticatedData);
    decipher.setAuthTag(data.subarray(data.length - 16));
    return Buffer.concat([decipher.update(data.subarray(12, data.length - 16)), decipher.final()]);
  } catch {
    return undefined;
  }
}

/** 24-byte nonce + NaCl secretbox (Poly1305 tag then XSalsa20 ciphertext). */
export function decryptSecretbox(key: Buffer, data: Buffer): Buffer | undefined {
  if (key.length !== 32 || data.length < 24 + 16) return undefined;
  const opened = nacl.secretbox.open(
    new Uint8Array(data.subarray(24)),
    new Uint8Array(data.subarray(0, 24)),
    new Uint8Array(key),
  );
  return opened ? Buffer.from(opened) : undefined;
}

// ---------------------------------------------------------------------------------------------
// Reading a value under an EncryptionConfiguration.

export interface ReadResult {
  /** Whether the API server could read the value under the config. */
  readable: boolean | null;
  /** Whether decryption with the config's key succeeded; null when not attempted (plain, KMS). */
  decrypts: boolean | null;
  /** The provider that read it. */
  provider: EncryptionProvider | undefined;
  key: EncryptionKey | undefined;
  /** Not read by the first (writing) provider: a rewrite would re-encrypt it. */
  stale: boolean;
  reason?: string;
}

function prefixOf(provider: EncryptionProvider): Buffer | undefined {
  switch (provider.type) {
    case 'identity':
      return Buffer.alloc(0);
    case 'aescbc':
    case 'aesgcm':
    case 'secretbox':
      return Buffer.from(`k8s:enc:${provider.type}:v1:`);
    case 'kms':
      return provider.kms ? Buffer.from(`k8s:enc:kms:${provider.kms.apiVersion}:${provider.kms.name}:`) : undefined;
    default:
      return undefined;
  }
}

function decodesAsObject(plaintext: Buffer): boolean {
  return plainFormat(plaintext) !== undefined;
}

/**
 * How the API server reads one stored value of resource `gr` at `etcdKey` with a config: the
 * providers of the resource in order, the first whose prefix the value carries; identity passes
 * over values that are encrypted; a key is chosen by its name prefix; a failure is final.
 */
export function readWithConfig(
  config: EncryptionConfig | undefined,
  gr: GroupResource,
  etcdKey: Buffer,
  value: Buffer,
): ReadResult {
  const providers = config?.resolve(gr)?.providers;
  if (!providers) {
    // No entry: the API server reads plain values and fails on encrypted ones.
    if (value.subarray(0, ENC.length).equals(ENC)) {
      return {
        readable: false,
        decrypts: null,
        provider: undefined,
        key: undefined,
        stale: false,
        reason: 'the config encrypts nothing for this resource',
      };
    }
    const ok = plainFormat(value) !== undefined;
    return {
      readable: ok,
      decrypts: null,
      provider: undefined,
      key: undefined,
      stale: false,
      ...(ok ? {} : { reason: 'not a storage format the API server reads' }),
    };
  }
  for (let index = 0; index < providers.length; index++) {
    const provider = providers[index] as EncryptionProvider;
    const prefix = prefixOf(provider);
    if (!prefix || !value.subarray(0, prefix.length).equals(prefix)) continue;
    const stale = index !== 0;
    if (provider.type === 'identity') {
      if (value.subarray(0, ENC.length).equals(ENC)) continue;
      const ok = plainFormat(value) !== undefined;
      return {
        readable: ok,
        decrypts: null,
        provider,
        key: undefined,
        stale,
        ...(ok ? {} : { reason: 'not a storage format the API server reads' }),
      };
    }
    if (provider.type === 'kms') {
      if (provider.kms?.apiVersion === 'v2') {
        const envelope = parseKmsV2Envelope(value.subarray(prefix.length));
        if (!envelope)
          return {
            readable: false,
            decrypts: false,
            provider,
            key: undefined,
            stale,
            reason: 'the KMS v2 envelope is malformed',
          };
      }
      return { readable: null, decrypts: null, provider, key: undefined, stale };
    }
    const rest = value.subarray(prefix.length);
    const key = provider.keys.find((k) => rest.subarray(0, k.name.length + 1).equals(Buffer.from(`${k.name}:`)));
    if (!key) {
      return {
        readable: false,
        decrypts: null,
        provider,
        key: undefined,
        stale,
        reason: `no ${provider.type} key of that name in the config`,
      };
    }
    if (!key.decoded)
      return { readable: false, decrypts: false, provider, key, stale, reason: 'the key in the config is not valid base64' };
    const data = rest.subarray(key.name.length + 1);
    const keyStale = stale || provider.keys.indexOf(key) !== 0;
    const plaintext =
      provider.type === 'aescbc'
        ? decryptAesCbc(key.decoded, data)
        : provider.type === 'aesgcm'
          ? decryptAesGcm(key.decoded, data, etcdKey)
          : decryptSecretbox(key.decoded, data);
    const ok = plaintext !== undefined && decodesAsObject(plaintext);
    return {
      readable: ok,
      decrypts: ok,
      provider,
      key,
      stale: keyStale,
      ...(ok ? {} : { reason: `key "${key.name}" does not decrypt it` }),
    };
  }
  return {
    readable: false,
    decrypts: null,
    provider: undefined,
    key: undefined,
    stale: false,
    reason: 'no provider in the config reads this prefix',
  };
}
