/**
 * `greenbelt encryption init` and `rotate`, with the removal step checked against a real etcd
 * started by the test: refused while stored objects still need the old key, done once they were
 * rewritten.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEncryptionConfig } from '../../encryption/config-file.js';
import { type EtcdServer, findEtcd, protobufSecret, putAll, sealSecretbox, startEtcd } from '../../testing/etcd.js';
import { runCli } from '../run.js';

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

function keysOf(dir: string, file = 'enc.yaml') {
  const loaded = parseEncryptionConfig(file, readFileSync(join(dir, file), 'utf8'));
  return loaded.config?.entries[0]?.providers[0]?.keys.map((k) => ({ name: k.name, secret: k.secret, key: k.decoded })) ?? [];
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'greenbelt-encryption-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('greenbelt encryption init', () => {
  it('writes a valid config with a fresh key, mode 0600, and never prints the key', async () => {
    const { code, stdout } = await cli(
      ['encryption', 'init', 'init.yaml', '--provider', 'aescbc', '--resources', 'secrets,configmaps'],
      dir,
    );
    expect(code).toBe(0);
    expect(statSync(join(dir, 'init.yaml')).mode & 0o777).toBe(0o600);
    const keys = keysOf(dir, 'init.yaml');
    expect(keys).toHaveLength(1);
    expect(keys[0]?.key?.length).toBe(32);
    expect(stdout).not.toContain(keys[0]?.secret ?? 'missing');
    const loaded = parseEncryptionConfig('init.yaml', readFileSync(join(dir, 'init.yaml'), 'utf8'));
    expect(loaded.errors).toEqual([]);
    expect(loaded.config?.entries[0]?.resources.map((r) => r.text)).toEqual(['secrets', 'configmaps']);
    expect(loaded.config?.entries[0]?.providers.map((p) => p.type)).toEqual(['aescbc', 'identity']);
    // A second init gets a different key, and refuses to overwrite without --force.
    expect((await cli(['encryption', 'init', 'init.yaml'], dir)).code).toBe(2);
    expect((await cli(['encryption', 'init', 'init.yaml', '--force'], dir)).code).toBe(0);
    expect(keysOf(dir, 'init.yaml')[0]?.secret).not.toBe(keys[0]?.secret);
  });

  it('passes greenbelt scan apart from the informational note about local keys', async () => {
    await cli(['encryption', 'init', 'scan-me.yaml'], dir);
    const { code, stdout } = await cli(['scan', 'scan-me.yaml', '--no-config', '--format', 'json', '--fail-on', 'low'], dir);
    const findings = (JSON.parse(stdout) as { findings: { rule: string }[] }).findings.map((f) => f.rule);
    expect(findings).toEqual(['encryption/local-key-material']);
    expect(code).toBe(0);
  });

  it('rejects unknown providers', async () => {
    expect((await cli(['encryption', 'init', 'x.yaml', '--provider', 'rot13'], dir)).code).toBe(2);
  });
});

const etcd = findEtcd();
const suite = etcd ? describe : describe.skip;

suite(`greenbelt encryption rotate against a real etcd${etcd ? '' : ' (skipped: etcd is not installed)'}`, () => {
  let server: EtcdServer;
  beforeAll(async () => {
    server = await startEtcd();
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
  });

  const secrets = (count: number) => Array.from({ length: count }, (_, i) => `/registry/secrets/ns/s${i}`);
  const store = async (keyName: string, key: Buffer | undefined, keys: string[]) => {
    await putAll(
      server.client(),
      keys.map((k, i) => {
        const plain = protobufSecret('ns', `s${i}`, { token: 'value' });
        return [k, key ? sealSecretbox(keyName, key, plain) : plain] as [string, Buffer];
      }),
    );
  };

  it('walks the documented steps and refuses to remove a key that stored objects still need', async () => {
    expect((await cli(['encryption', 'init', 'enc.yaml'], dir)).code).toBe(0);
    const [first] = keysOf(dir);
    if (!first?.key) throw new Error('no key');
    // Half the secrets predate encryption (plain), half were written with the first key.
    const keys = secrets(30);
    await store('', undefined, keys.slice(0, 15));
    await store(first.name, first.key, keys.slice(15));

    const dry = await cli(['encryption', 'rotate', 'enc.yaml'], dir);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/1\. Add a new key second to the provider {2}<- next/);
    expect(keysOf(dir)).toHaveLength(1);

    const add = await cli(['encryption', 'rotate', 'enc.yaml', '--write'], dir);
    expect(add.code).toBe(0);
    const afterAdd = keysOf(dir);
    expect(afterAdd.map((k) => k.name)[0]).toBe(first.name);
    expect(afterAdd).toHaveLength(2);
    expect(add.stdout).not.toContain(afterAdd[1]?.secret ?? 'missing');
    expect(statSync(join(dir, 'enc.yaml')).mode & 0o777).toBe(0o600);

    const promote = await cli(['encryption', 'rotate', 'enc.yaml', '--write'], dir);
    expect(promote.code).toBe(0);
    const afterPromote = keysOf(dir);
    expect(afterPromote.map((k) => k.name)).toEqual([afterAdd[1]?.name, first.name]);

    // Removal without etcd access is not attempted.
    expect((await cli(['encryption', 'rotate', 'enc.yaml', '--write'], dir)).code).toBe(2);

    const refused = await cli(['encryption', 'rotate', 'enc.yaml', '--write', '--endpoints', server.endpoint], dir);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/Refused: 15 objects would become unreadable \(secretbox\/key-/);
    expect(keysOf(dir)).toHaveLength(2);

    // The operator rewrites every Secret: the API server re-encrypts them with the new first key.
    const newest = afterPromote[0];
    if (!newest?.key) throw new Error('no key');
    await store(newest.name, newest.key, keys);

    const removed = await cli(['encryption', 'rotate', 'enc.yaml', '--write', '--endpoints', server.endpoint], dir);
    expect(removed.code).toBe(0);
    expect(removed.stdout).toMatch(/Verified 30 stored objects of secrets: 30 readable without the old keys, 0 not/);
    expect(keysOf(dir).map((k) => k.name)).toEqual([newest.name]);

    const verify = await cli(['etcd', 'verify', '--endpoints', server.endpoint, '--encryption-config', 'enc.yaml'], dir);
    expect(verify.code).toBe(0);
    expect(verify.stdout).toMatch(/encrypted +30/);
  });

  it('asks for --step when key names do not tell old from new', async () => {
    writeFileSync(
      join(dir, 'manual.yaml'),
      `apiVersion: apiserver.config.k8s.io/v1\nkind: EncryptionConfiguration\nresources:\n  - resources: [secrets]\n    providers:\n      - aescbc:\n          keys:\n            - name: a\n              secret: ${Buffer.alloc(32, 1).toString('base64')}\n            - name: b\n              secret: ${Buffer.alloc(32, 2).toString('base64')}\n`,
    );
    const result = await cli(['encryption', 'rotate', 'manual.yaml'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/pass --step/);
    const promote = await cli(['encryption', 'rotate', 'manual.yaml', '--step', 'promote', '--write'], dir);
    expect(promote.code).toBe(0);
    expect(keysOf(dir, 'manual.yaml').map((k) => k.name)).toEqual(['b', 'a']);
  });
});
