import { createCipheriv } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SourceText } from '../core/source.js';
import { EncryptionConfig } from '../model/control-plane/encryption.js';
import { objectsOfDocument } from '../model/k8s.js';
import { parseYaml } from '../sources/yaml.js';
import { jsonSecret, protobufSecret, sealAesCbc, sealAesGcm, sealKmsV1, sealKmsV2, sealSecretbox } from '../testing/etcd.js';
import { classify, decryptAesCbc, decryptAesGcm, decryptSecretbox, parseKmsV2Envelope, readWithConfig } from './storage.js';

const hex = (s: string) => Buffer.from(s.replace(/\s+/g, ''), 'hex');

describe('storage transformers against published test vectors', () => {
  it('opens the NaCl secretbox vector (XSalsa20-Poly1305, 24-byte nonce first)', () => {
    const key = hex('1b27556473e985d462cd51197a9a46c76009549eac6474f206c4ee0844f68389');
    const nonce = hex('69696ee955b62b73cd62bda875fc73d68219e0036b7a0b37');
    const message = hex(`be075fc53c81f2d5cf141316ebeb0c7b5228c52a4c62cbd44b66849b64244ffc
      e5ecbaaf33bd751a1ac728d45e6c61296cdc3c01233561f41db66cce314adb31
      0e3be8250c46f06dceea3a7fa1348057e2f6556ad6b1318a024a838f21af1fde
      048977eb48f59ffd4924ca1c60902e52f0a089bc76897040e082f937763848645e0705`);
    const box = hex(`f3ffc7703f9400e52a7dfb4b3d3305d98e993b9f48681273c29650ba32fc76ce
      48332ea7164d96a4476fb8c531a1186ac0dfc17c98dce87b4da7f011ec48c972
      71d2c20f9b928fe2270d6fb863d51738b48eeee314a7cc8ab932164548e526ae
      90224368517acfeabd6bb3732bc0e9da99832b61ca01b6de56244a9e88d5f9b3
      7973f622a43d14a6599b1f654cb45a74e355a5`);
    expect(message.length).toBe(131);
    expect(decryptSecretbox(key, Buffer.concat([nonce, box]))?.equals(message)).toBe(true);
    const tampered = Buffer.concat([nonce, box]);
    tampered[40] = (tampered[40] as number) ^ 1;
    expect(decryptSecretbox(key, tampered)).toBeUndefined();
  });

  it('opens GCM test case 4 (nonce first, tag last, authenticated data checked)', () => {
    const key = hex('feffe9928665731c6d6a8f9467308308');
    const iv = hex('cafebabefacedbaddecaf888');
    const aad = hex('feedfacedeadbeeffeedfacedeadbeefabaddad2');
    const plaintext = hex(
      'd9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39',
    );
    const ciphertext = hex(
      '42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091',
    );
    const tag = hex('5bc94fbc3221a5db94fae95ae7121a47');
    const stored = Buffer.concat([iv, ciphertext, tag]);
    expect(decryptAesGcm(key, stored, aad)?.equals(plaintext)).toBe(true);
    expect(decryptAesGcm(key, stored, Buffer.from('/registry/secrets/other/name'))).toBeUndefined();
  });

  it('decrypts AES-CBC with its IV first and rejects bad PKCS#7 padding', () => {
    const key = hex('2b7e151628aed2a6abf7158809cf4f3c');
    const iv = hex('000102030405060708090a0b0c0d0e0f');
    // SP 800-38A F.2.1: the first block encrypts to 7649abac...
    const first = createCipheriv('aes-128-cbc', key, iv).setAutoPadding(false).update(hex('6bc1bee22e409f96e93d7e117393172a'));
    expect(first.toString('hex')).toBe('7649abac8119b246cee98e9b12e9197d');
    const cipher = createCipheriv('aes-128-cbc', key, iv);
    const body = Buffer.concat([cipher.update('k8s\u0000payload'), cipher.final()]);
    expect(decryptAesCbc(key, Buffer.concat([iv, body]))?.toString()).toBe('k8s\u0000payload');
    const noPadding = createCipheriv('aes-128-cbc', key, iv).setAutoPadding(false);
    const bad = Buffer.concat([noPadding.update(Buffer.alloc(16, 0x41)), noPadding.final()]);
    expect(decryptAesCbc(key, Buffer.concat([iv, bad]))).toBeUndefined();
  });
});

describe('classifying stored values', () => {
  const secret = protobufSecret('default', 'db', { password: 'hunter2' });
  const key = Buffer.alloc(32, 7);
  it.each([
    ['protobuf', secret, { kind: 'plain', format: 'protobuf', objectKind: 'v1 Secret' }],
    ['json', jsonSecret('default', 'db', { password: 'hunter2' }), { kind: 'plain', format: 'json', objectKind: 'v1 Secret' }],
    ['aescbc', sealAesCbc('key1', key, secret), { kind: 'encrypted', provider: 'aescbc', version: 'v1', keyName: 'key1' }],
    [
      'aesgcm',
      sealAesGcm('k2', key, secret, '/registry/secrets/default/db'),
      { kind: 'encrypted', provider: 'aesgcm', keyName: 'k2' },
    ],
    ['secretbox', sealSecretbox('sb', key, secret), { kind: 'encrypted', provider: 'secretbox', keyName: 'sb' }],
    [
      'kms v2',
      sealKmsV2('vault', 'kek-1', secret.length),
      { kind: 'encrypted', provider: 'kms', version: 'v2', keyName: 'vault' },
    ],
    ['kms v1', sealKmsV1('legacy', secret.length), { kind: 'encrypted', provider: 'kms', version: 'v1', keyName: 'legacy' }],
    ['garbage', Buffer.from([1, 2, 3]), { kind: 'unknown' }],
  ])('%s', (_, value, expected) => {
    expect(classify(value)).toMatchObject(expected);
  });

  it('parses the KMS v2 EncryptedObject envelope', () => {
    const envelope = parseKmsV2Envelope(sealKmsV2('vault', 'kek-1', 100).subarray('k8s:enc:kms:v2:vault:'.length));
    expect(envelope).toMatchObject({ keyId: 'kek-1', dekSourceType: 'HKDF_SHA256_XNONCE_AES_GCM_SEED' });
    expect(parseKmsV2Envelope(Buffer.from('not protobuf'))).toBeUndefined();
  });
});

describe('reading a value under an EncryptionConfiguration', () => {
  const key1 = Buffer.alloc(32, 1);
  const key2 = Buffer.alloc(32, 2);
  const config = (providers: string) => {
    const doc = parseYaml(
      new SourceText(
        'c.yaml',
        `apiVersion: apiserver.config.k8s.io/v1\nkind: EncryptionConfiguration\nresources:\n  - resources: [secrets]\n    providers:\n${providers}`,
      ),
    ).documents[0];
    const object = doc ? objectsOfDocument(doc)[0] : undefined;
    const parsed = object ? EncryptionConfig.of(object) : undefined;
    if (!parsed) throw new Error('config');
    return parsed;
  };
  const both = config(
    `      - secretbox:\n          keys:\n            - name: new\n              secret: ${key2.toString('base64')}\n            - name: old\n              secret: ${key1.toString('base64')}\n      - identity: {}\n`,
  );
  const gr = { group: '', resource: 'secrets' };
  const etcdKey = Buffer.from('/registry/secrets/default/db');
  const plain = protobufSecret('default', 'db', { a: 'b' });

  it('reads with the named key and marks values under an older key or provider as stale', () => {
    expect(readWithConfig(both, gr, etcdKey, sealSecretbox('new', key2, plain))).toMatchObject({
      readable: true,
      decrypts: true,
      stale: false,
    });
    expect(readWithConfig(both, gr, etcdKey, sealSecretbox('old', key1, plain))).toMatchObject({
      readable: true,
      decrypts: true,
      stale: true,
    });
    expect(readWithConfig(both, gr, etcdKey, plain)).toMatchObject({ readable: true, decrypts: null, stale: true });
  });

  it('fails like the API server: wrong material under a known name, an unknown name, a removed identity', () => {
    expect(readWithConfig(both, gr, etcdKey, sealSecretbox('new', key1, plain))).toMatchObject({
      readable: false,
      decrypts: false,
    });
    expect(readWithConfig(both, gr, etcdKey, sealSecretbox('gone', key1, plain))).toMatchObject({
      readable: false,
      decrypts: null,
    });
    const noIdentity = config(
      `      - secretbox:\n          keys:\n            - name: new\n              secret: ${key2.toString('base64')}\n`,
    );
    expect(readWithConfig(noIdentity, gr, etcdKey, plain)).toMatchObject({ readable: false });
    expect(readWithConfig(noIdentity, { group: '', resource: 'configmaps' }, etcdKey, plain)).toMatchObject({ readable: true });
  });

  it('binds AES-GCM values to their etcd key', () => {
    const gcm = config(
      `      - aesgcm:\n          keys:\n            - name: g\n              secret: ${key1.toString('base64')}\n`,
    );
    const sealed = sealAesGcm('g', key1, plain, '/registry/secrets/default/db');
    expect(readWithConfig(gcm, gr, etcdKey, sealed)).toMatchObject({ readable: true, decrypts: true });
    expect(readWithConfig(gcm, gr, Buffer.from('/registry/secrets/default/copy'), sealed)).toMatchObject({
      readable: false,
      decrypts: false,
    });
  });
});
