/**
 * `etcd verify` against a real etcd started by the test (no mocks): every storage format the API
 * server writes, a mixed store, TLS client-certificate authentication, and the exact JSON shape.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run.js';
import {
  type EtcdServer,
  findEtcd,
  hasOpenssl,
  jsonSecret,
  protobufSecret,
  putAll,
  sealAesCbc,
  sealAesGcm,
  sealKmsV1,
  sealKmsV2,
  sealSecretbox,
  startEtcd,
} from '../testing/etcd.js';

const etcd = findEtcd();
const suite = etcd ? describe : describe.skip;
const skipNote = etcd ? '' : ' (skipped: etcd is not installed; .ci/run installs Debian etcd-server)';

const KEY_CBC = Buffer.alloc(32, 0x11);
const KEY_GCM = Buffer.alloc(16, 0x22);
const KEY_BOX = Buffer.alloc(32, 0x33);
const KEY_BOX_NEW = Buffer.alloc(32, 0x44);
const PLAINTEXT_MARKER = 'hunter2-must-never-be-printed';

function cli(args: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    stdin: (async function* () {})(),
    env: {},
    cwd,
  };
  return runCli(args, io).then((code) => ({ code, stdout, stderr }));
}

const CONFIG = `apiVersion: apiserver.config.k8s.io/v1
kind: EncryptionConfiguration
resources:
  - resources: [secrets]
    providers:
      - secretbox:
          keys:
            - name: box2
              secret: ${KEY_BOX_NEW.toString('base64')}
            - name: box1
              secret: ${KEY_BOX.toString('base64')}
      - aesgcm:
          keys:
            - name: gcm1
              secret: ${KEY_GCM.toString('base64')}
      - aescbc:
          keys:
            - name: cbc1
              secret: ${KEY_CBC.toString('base64')}
      - kms:
          apiVersion: v2
          name: vault
          endpoint: unix:///run/kms.sock
          timeout: 3s
      - identity: {}
`;

suite(`etcd verify against a real etcd${skipNote}`, () => {
  let plain: EtcdServer;
  let tls: EtcdServer | undefined;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'greenbelt-verify-'));
    writeFileSync(join(dir, 'config.yaml'), CONFIG);
    plain = await startEtcd();
    if (hasOpenssl()) tls = await startEtcd({ tls: true });
    const secret = (ns: string, name: string) => protobufSecret(ns, name, { password: PLAINTEXT_MARKER });
    const k = (ns: string, name: string) => `/registry/secrets/${ns}/${name}`;
    const entries: [string, Buffer][] = [
      [k('a', 'plain-protobuf'), secret('a', 'plain-protobuf')],
      [k('a', 'plain-json'), jsonSecret('a', 'plain-json', { password: PLAINTEXT_MARKER })],
      [k('b', 'cbc'), sealAesCbc('cbc1', KEY_CBC, secret('b', 'cbc'))],
      [k('b', 'gcm'), sealAesGcm('gcm1', KEY_GCM, secret('b', 'gcm'), k('b', 'gcm'))],
      // The same GCM value copied under another key fails authentication, as in the API server.
      [k('b', 'gcm-moved'), sealAesGcm('gcm1', KEY_GCM, secret('b', 'gcm'), k('b', 'gcm'))],
      [k('c', 'box-old'), sealSecretbox('box1', KEY_BOX, secret('c', 'box-old'))],
      [k('c', 'box-new'), sealSecretbox('box2', KEY_BOX_NEW, secret('c', 'box-new'))],
      [k('c', 'box-wrong-material'), sealSecretbox('box2', KEY_BOX, secret('c', 'box-wrong-material'))],
      [k('d', 'lost-key'), sealAesCbc('deleted', KEY_CBC, secret('d', 'lost-key'))],
      [k('e', 'kms2'), sealKmsV2('vault', 'projects/p/keys/k1', 120)],
      [k('e', 'kms1'), sealKmsV1('old-kms', 120)],
      ['/registry/configmaps/a/cm', Buffer.from('{"kind":"ConfigMap","apiVersion":"v1"}')],
    ];
    await putAll(plain.client(), entries);
    if (tls) {
      const mixed: [string, Buffer][] = [];
      for (let i = 0; i < 40; i++) {
        const key = k('mixed', `s${String(i).padStart(3, '0')}`);
        // Half written before encryption was turned on, half after.
        mixed.push([key, i % 2 === 0 ? secret('mixed', `s${i}`) : sealSecretbox('box2', KEY_BOX_NEW, secret('mixed', `s${i}`))]);
      }
      await putAll(tls.client(), mixed);
      for (const [name, path] of [
        ['ca.crt', tls.tls?.ca],
        ['client.crt', tls.tls?.clientCert],
        ['client.key', tls.tls?.clientKey],
        ['stranger.crt', tls.tls?.strangerCert],
        ['stranger.key', tls.tls?.strangerKey],
      ] as const) {
        if (path) writeFileSync(join(dir, name), readFileSync(path));
      }
    }
  }, 120_000);

  afterAll(async () => {
    await plain?.stop();
    await tls?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('classifies every storage format without a config, and never prints values', async () => {
    const { code, stdout } = await cli(
      ['etcd', 'verify', '--endpoints', plain.endpoint, '--format', 'json', '--page-size', '3'],
      dir,
    );
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as { objects: Record<string, unknown>[]; summary: Record<string, unknown> };
    const byName = Object.fromEntries(report.objects.map((o) => [String(o.key).split('/').pop(), o]));
    expect(Object.keys(byName).sort()).toEqual(
      [
        'box-new',
        'box-old',
        'box-wrong-material',
        'cbc',
        'gcm',
        'gcm-moved',
        'kms1',
        'kms2',
        'lost-key',
        'plain-json',
        'plain-protobuf',
      ].sort(),
    );
    expect(byName['plain-protobuf']).toMatchObject({
      state: 'plaintext',
      provider: null,
      keyName: null,
      decrypts: null,
      format: 'protobuf',
      objectKind: 'v1 Secret',
    });
    expect(byName['plain-json']).toMatchObject({ state: 'plaintext', format: 'json' });
    expect(byName.cbc).toMatchObject({ state: 'encrypted', provider: 'aescbc', keyName: 'cbc1', decrypts: null });
    expect(byName.gcm).toMatchObject({ state: 'encrypted', provider: 'aesgcm', keyName: 'gcm1' });
    expect(byName['box-old']).toMatchObject({ state: 'encrypted', provider: 'secretbox', keyName: 'box1' });
    expect(byName.kms2).toMatchObject({ state: 'encrypted', provider: 'kms', kmsVersion: 'v2', keyName: 'vault' });
    expect(byName.kms1).toMatchObject({ state: 'encrypted', provider: 'kms', kmsVersion: 'v1', keyName: 'old-kms' });
    expect(report.summary).toMatchObject({ objects: 11, plaintext: 2, encrypted: 9, unreadable: 0 });
    expect(stdout).not.toContain(PLAINTEXT_MARKER);
    expect(stdout).not.toContain(Buffer.from(PLAINTEXT_MARKER).toString('base64'));
  });

  it('decrypts with the config exactly as the API server would', async () => {
    const { code, stdout } = await cli(
      ['etcd', 'verify', '--endpoints', plain.endpoint, '--encryption-config', 'config.yaml', '--format', 'json'],
      dir,
    );
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as { objects: Record<string, unknown>[]; summary: Record<string, unknown> };
    const byName = Object.fromEntries(report.objects.map((o) => [String(o.key).split('/').pop(), o]));
    expect(byName.cbc).toMatchObject({ state: 'encrypted', decrypts: true, stale: true });
    expect(byName.gcm).toMatchObject({ state: 'encrypted', decrypts: true });
    expect(byName['gcm-moved']).toMatchObject({ state: 'unreadable', provider: 'aesgcm', decrypts: false });
    expect(byName['box-new']).toMatchObject({ state: 'encrypted', decrypts: true, stale: false });
    expect(byName['box-old']).toMatchObject({ state: 'encrypted', decrypts: true, stale: true });
    expect(byName['box-wrong-material']).toMatchObject({ state: 'unreadable', decrypts: false });
    expect(byName['lost-key']).toMatchObject({ state: 'unreadable', provider: 'aescbc', keyName: 'deleted', decrypts: null });
    expect(byName.kms2).toMatchObject({ state: 'encrypted', decrypts: null, readable: null });
    expect(byName.kms1).toMatchObject({ state: 'unreadable' });
    expect(byName['plain-protobuf']).toMatchObject({ state: 'plaintext', readable: true, stale: true });
    expect(report.summary).toMatchObject({
      objects: 11,
      plaintext: 2,
      encrypted: 5,
      unreadable: 4,
      currentKeys: { secrets: 'secretbox/box2' },
      unusedKeys: [],
    });
    const text = await cli(['etcd', 'verify', '--endpoints', plain.endpoint, '--encryption-config', 'config.yaml'], dir);
    expect(text.stdout).toMatch(/New writes of secrets use: secretbox\/box2/);
    expect(text.stdout).toMatch(
      /\/registry\/secrets\/d\/lost-key +aescbc key "deleted": no aescbc key of that name in the config/,
    );
    expect(text.stdout).not.toContain(PLAINTEXT_MARKER);
  });

  it('answers whether a proposed config keeps every object readable', async () => {
    const proposed = CONFIG.replace(/ {12}- name: box1\n {14}secret: \S+\n/, '');
    writeFileSync(join(dir, 'proposed.yaml'), proposed);
    const { stdout } = await cli(
      [
        'etcd',
        'verify',
        '--endpoints',
        plain.endpoint,
        '--encryption-config',
        'config.yaml',
        '--proposed-config',
        'proposed.yaml',
        '--format',
        'json',
      ],
      dir,
    );
    const report = JSON.parse(stdout) as { objects: Record<string, unknown>[]; summary: { proposed: Record<string, unknown> } };
    expect(report.summary.proposed).toMatchObject({
      unreadable: 5,
      unreadableKeys: ['aescbc/deleted', 'aesgcm/gcm1', 'kms-v1/old-kms', 'secretbox/box1', 'secretbox/box2'],
    });
    const boxOld = report.objects.find((o) => String(o.key).endsWith('/box-old'));
    expect(boxOld).toMatchObject({ readableAfterChange: false });
  });

  it('reads a mixed store over TLS with a client certificate', async () => {
    if (!tls) return;
    const base = ['etcd', 'verify', '--endpoints', tls.endpoint, '--cacert', 'ca.crt'];
    const { code, stdout } = await cli(
      [
        ...base,
        '--cert',
        'client.crt',
        '--key',
        'client.key',
        '--encryption-config',
        'config.yaml',
        '--format',
        'json',
        '--page-size',
        '7',
      ],
      dir,
    );
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as { objects: Record<string, unknown>[]; summary: Record<string, unknown> };
    expect(report.summary).toMatchObject({ objects: 40, plaintext: 20, encrypted: 20, unreadable: 0, stale: 20 });
    expect(report.objects.filter((o) => o.state === 'encrypted').every((o) => o.decrypts === true && o.keyName === 'box2')).toBe(
      true,
    );

    const refused = await cli([...base, '--cert', 'stranger.crt', '--key', 'stranger.key'], dir);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/greenbelt etcd verify: cannot reach etcd/);
    const anonymous = await cli(base, dir);
    expect(anonymous.code).toBe(2);
  });

  it('exits 0 when every object is encrypted and readable', async () => {
    const { code, stdout } = await cli(
      ['etcd', 'verify', '--endpoints', plain.endpoint, '--resources', 'configmaps', '--prefix', '/registry'],
      dir,
    );
    // The one ConfigMap is plain JSON: configmaps are reported like any other resource.
    expect(code).toBe(1);
    expect(stdout).toMatch(/\/registry\/configmaps\/a\/cm +plain text \(v1 ConfigMap, json\)/);
    const empty = await cli(['etcd', 'verify', '--endpoints', plain.endpoint, '--resources', 'widgets.example.com'], dir);
    expect(empty.code).toBe(0);
    expect(empty.stdout).toMatch(/Checked 0 objects under \/registry\/example.com\/widgets\//);
  });

  it('reports usage and connection errors with exit code 2', async () => {
    expect((await cli(['etcd', 'verify'], dir)).code).toBe(2);
    expect((await cli(['etcd', 'verify', '--endpoints', 'ftp://x'], dir)).code).toBe(2);
    const down = await cli(['etcd', 'verify', '--endpoints', 'http://127.0.0.1:1', '--timeout', '2'], dir);
    expect(down.code).toBe(2);
    expect(down.stderr).toMatch(/cannot reach etcd/);
    writeFileSync(join(dir, 'bad.yaml'), CONFIG.replace('secretbox:', 'secretboks:'));
    const bad = await cli(['etcd', 'verify', '--endpoints', plain.endpoint, '--encryption-config', 'bad.yaml'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/bad.yaml:6:9: the provider element names none of/);
  });
});
