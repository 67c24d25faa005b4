/**
 * A real etcd for tests and benchmarks: started on free loopback ports with a temporary data
 * directory, optionally with TLS client-certificate authentication (certificates made by the
 * openssl command line), and stopped with its directory removed. Also writes objects in the API
 * server's exact storage formats, through the same JSON gateway the verifier reads.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createCipheriv, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import nacl from 'tweetnacl';
import { EtcdClient } from '../etcd/client.js';

/** The etcd binary, or undefined when etcd is not installed. */
export function findEtcd(): string | undefined {
  for (const dir of [...(process.env.PATH ?? '').split(delimiter), '/usr/bin', '/usr/local/bin']) {
    const candidate = join(dir, 'etcd');
    if (dir && existsSync(candidate)) return candidate;
  }
  return undefined;
}

export function hasOpenssl(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface TlsFiles {
  dir: string;
  ca: string;
  serverCert: string;
  serverKey: string;
  clientCert: string;
  clientKey: string;
  /** A client certificate from another CA, which etcd must refuse. */
  strangerCert: string;
  strangerKey: string;
}

/** A CA, a server certificate for 127.0.0.1 and client certificates, made with openssl. */
export function makeCertificates(dir: string): TlsFiles {
  const run = (args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  const ext = join(dir, 'server.ext');
  writeFileSync(ext, 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth,clientAuth\n');
  const clientExt = join(dir, 'client.ext');
  writeFileSync(clientExt, 'extendedKeyUsage=clientAuth\n');
  const ca = (name: string) => {
    run([
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      `${name}.key`,
      '-out',
      `${name}.crt`,
      '-days',
      '2',
      '-subj',
      `/CN=${name}`,
    ]);
  };
  const leaf = (name: string, caName: string, extFile: string) => {
    run(['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${name}`]);
    run([
      'x509',
      '-req',
      '-in',
      `${name}.csr`,
      '-CA',
      `${caName}.crt`,
      '-CAkey',
      `${caName}.key`,
      '-CAcreateserial',
      '-out',
      `${name}.crt`,
      '-days',
      '2',
      '-extfile',
      extFile,
    ]);
  };
  ca('etcd-ca');
  ca('other-ca');
  leaf('server', 'etcd-ca', ext);
  leaf('client', 'etcd-ca', clientExt);
  leaf('stranger', 'other-ca', clientExt);
  return {
    dir,
    ca: join(dir, 'etcd-ca.crt'),
    serverCert: join(dir, 'server.crt'),
    serverKey: join(dir, 'server.key'),
    clientCert: join(dir, 'client.crt'),
    clientKey: join(dir, 'client.key'),
    strangerCert: join(dir, 'stranger.crt'),
    strangerKey: join(dir, 'stranger.key'),
  };
}

export interface EtcdServer {
  endpoint: string;
  tls: TlsFiles | undefined;
  client(): EtcdClient;
  stop(): Promise<void>;
}

/** Starts etcd; resolves once it answers. */
export async function startEtcd(options: { tls?: boolean } = {}): Promise<EtcdServer> {
  const binary = findEtcd();
  if (!binary) throw new Error('etcd is not installed');
  const dir = mkdtempSync(join(tmpdir(), 'greenbelt-etcd-'));
  const clientPort = await freePort();
  const peerPort = await freePort();
  const tls = options.tls ? makeCertificates(dir) : undefined;
  const scheme = tls ? 'https' : 'http';
  const endpoint = `${scheme}://127.0.0.1:${clientPort}`;
  const args = [
    '--name',
    'test',
    '--data-dir',
    join(dir, 'data'),
    '--listen-client-urls',
    endpoint,
    '--advertise-client-urls',
    endpoint,
    '--listen-peer-urls',
    `http://127.0.0.1:${peerPort}`,
    '--initial-advertise-peer-urls',
    `http://127.0.0.1:${peerPort}`,
    '--initial-cluster',
    `test=http://127.0.0.1:${peerPort}`,
    '--max-txn-ops',
    '10000',
    '--max-request-bytes',
    String(32 * 1024 * 1024),
    '--quota-backend-bytes',
    String(4 * 1024 * 1024 * 1024),
    '--snapshot-count',
    '1000000',
  ];
  if (tls) {
    args.push('--cert-file', tls.serverCert, '--key-file', tls.serverKey, '--trusted-ca-file', tls.ca, '--client-cert-auth');
  }
  const child: ChildProcess = spawn(binary, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-4000);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const makeClient = () =>
    new EtcdClient({
      endpoints: [endpoint],
      timeoutMs: 120_000,
      ...(tls ? { tls: { ca: readFileSync(tls.ca), cert: readFileSync(tls.clientCert), key: readFileSync(tls.clientKey) } } : {}),
    });
  const server: EtcdServer = {
    endpoint,
    tls,
    client: makeClient,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    },
  };
  const probe = makeClient();
  try {
    for (let i = 0; i < 200; i++) {
      if (child.exitCode !== null) throw new Error(`etcd exited: ${log}`);
      try {
        await probe.call('maintenance/status', {});
        return server;
      } catch {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    throw new Error(`etcd did not start: ${log}`);
  } catch (error) {
    await server.stop();
    throw error;
  } finally {
    probe.close();
  }
}

/** Writes key/values in transactions of up to `batch` puts (test setup only; verify never writes). */
export async function putAll(client: EtcdClient, entries: Iterable<[string | Buffer, Buffer]>, batch = 1000): Promise<void> {
  let ops: Record<string, unknown>[] = [];
  const flush = async () => {
    if (ops.length === 0) return;
    await client.call('kv/txn', { success: ops });
    ops = [];
  };
  for (const [key, value] of entries) {
    ops.push({ request_put: { key: Buffer.from(key).toString('base64'), value: value.toString('base64') } });
    if (ops.length >= batch) await flush();
  }
  await flush();
}

// ---------------------------------------------------------------------------------------------
// The API server's storage formats.

function varint(n: number): Buffer {
  const out: number[] = [];
  let v = n;
  while (v > 0x7f) {
    out.push((v & 0x7f) | 0x80);
    v = Math.floor(v / 128);
  }
  out.push(v);
  return Buffer.from(out);
}

function field(number: number, bytes: Buffer | string): Buffer {
  const data = typeof bytes === 'string' ? Buffer.from(bytes) : bytes;
  return Buffer.concat([varint((number << 3) | 2), varint(data.length), data]);
}

function varintField(number: number, value: number): Buffer {
  return Buffer.concat([varint(number << 3), varint(value)]);
}

/** A v1 Secret as the API server stores it in protobuf: `k8s\0` + runtime.Unknown. */
export function protobufSecret(namespace: string, name: string, data: Record<string, string>): Buffer {
  const metadata = Buffer.concat([field(1, name), field(3, namespace)]);
  const entries = Object.entries(data).map(([k, v]) => field(2, Buffer.concat([field(1, k), field(2, v)])));
  const secret = Buffer.concat([field(1, metadata), ...entries, field(6, 'Opaque')]);
  const unknown = Buffer.concat([
    field(1, Buffer.concat([field(1, 'v1'), field(2, 'Secret')])),
    field(2, secret),
    field(3, ''),
    field(4, ''),
  ]);
  return Buffer.concat([Buffer.from([0x6b, 0x38, 0x73, 0x00]), unknown]);
}

/** A v1 Secret as the API server stores it in JSON. */
export function jsonSecret(namespace: string, name: string, data: Record<string, string>): Buffer {
  const encoded = Object.fromEntries(Object.entries(data).map(([k, v]) => [k, Buffer.from(v).toString('base64')]));
  return Buffer.from(
    `${JSON.stringify({ kind: 'Secret', apiVersion: 'v1', metadata: { name, namespace }, data: encoded, type: 'Opaque' })}\n`,
  );
}

/** `k8s:enc:aescbc:v1:<name>:` + IV + AES-CBC(PKCS#7). */
export function sealAesCbc(keyName: string, key: Buffer, plaintext: Buffer): Buffer {
  const iv = randomBytes(16);
  const cipher = createCipheriv(`aes-${key.length * 8}-cbc`, key, iv);
  return Buffer.concat([Buffer.from(`k8s:enc:aescbc:v1:${keyName}:`), iv, cipher.update(plaintext), cipher.final()]);
}

/** `k8s:enc:aesgcm:v1:<name>:` + nonce + AES-GCM ciphertext + tag, with the etcd key as authenticated data. */
export function sealAesGcm(keyName: string, key: Buffer, plaintext: Buffer, etcdKey: string): Buffer {
  const nonce = randomBytes(12);
  const cipher = createCipheriv(`aes-${key.length * 8}-gcm` as 'aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(etcdKey));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([Buffer.from(`k8s:enc:aesgcm:v1:${keyName}:`), nonce, body, cipher.getAuthTag()]);
}

/** `k8s:enc:secretbox:v1:<name>:` + 24-byte nonce + NaCl secretbox. */
export function sealSecretbox(keyName: string, key: Buffer, plaintext: Buffer): Buffer {
  const nonce = randomBytes(24);
  const box = nacl.secretbox(new Uint8Array(plaintext), new Uint8Array(nonce), new Uint8Array(key));
  return Buffer.concat([Buffer.from(`k8s:enc:secretbox:v1:${keyName}:`), nonce, Buffer.from(box)]);
}

/** `k8s:enc:kms:v2:<provider>:` + EncryptedObject (encrypted data, key ID, encrypted DEK seed). */
export function sealKmsV2(provider: string, keyId: string, plaintextLength: number): Buffer {
  const object = Buffer.concat([
    field(1, randomBytes(32 + 12 + plaintextLength + 16)),
    field(2, keyId),
    field(3, randomBytes(48)),
    varintField(5, 1),
  ]);
  return Buffer.concat([Buffer.from(`k8s:enc:kms:v2:${provider}:`), object]);
}

/** `k8s:enc:kms:v1:<provider>:` + 2-byte DEK length + encrypted DEK + AES-GCM data. */
export function sealKmsV1(provider: string, plaintextLength: number): Buffer {
  const dek = randomBytes(48);
  const length = Buffer.alloc(2);
  length.writeUInt16BE(dek.length);
  return Buffer.concat([Buffer.from(`k8s:enc:kms:v1:${provider}:`), length, dek, randomBytes(12 + plaintextLength + 16)]);
}
