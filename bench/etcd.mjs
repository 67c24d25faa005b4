// Benchmark: `greenbelt etcd verify` over 100,000 stored Secrets in a local etcd, against a raw
// paged read of the same keys measured in the same run.
//
// The store mixes the API server's formats: 40% secretbox, 30% aesgcm, 20% aescbc, 10% plain
// protobuf (written before encryption). verify runs as the real CLI in a child process with the
// encryption config, so it decrypts every value; its peak memory is the child's VmHWM.
// Targets: under 30 s and under 200 MB. Skips (exit 0) when etcd is not installed.
import { spawn } from 'node:child_process';
import { createCipheriv, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import nacl from 'tweetnacl';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { EtcdClient } = await import(join(root, 'dist', 'etcd', 'client.js'));
const COUNT = Number(process.env.BENCH_SECRETS ?? 100_000);

const etcdBinary = [
  '/usr/bin/etcd',
  '/usr/local/bin/etcd',
  ...(process.env.PATH ?? '').split(':').map((d) => join(d, 'etcd')),
].find((p) => existsSync(p));
if (!etcdBinary) {
  console.log('skipped: etcd is not installed (.ci/run installs Debian etcd-server)');
  process.exit(0);
}

const freePort = () =>
  new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

const dir = mkdtempSync(join(tmpdir(), 'greenbelt-bench-etcd-'));
const clientPort = await freePort();
const peerPort = await freePort();
const endpoint = `http://127.0.0.1:${clientPort}`;
const etcd = spawn(
  etcdBinary,
  [
    '--name',
    'bench',
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
    `bench=http://127.0.0.1:${peerPort}`,
    '--max-txn-ops',
    '10000',
    '--max-request-bytes',
    String(32 * 1024 * 1024),
    '--quota-backend-bytes',
    String(8 * 1024 * 1024 * 1024),
    '--snapshot-count',
    '1000000',
  ],
  { stdio: 'ignore' },
);
const cleanup = () => {
  etcd.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
};
process.on('exit', cleanup);

const client = new EtcdClient({ endpoints: [endpoint], timeoutMs: 120_000 });
for (let i = 0; ; i++) {
  try {
    await client.call('maintenance/status', {});
    break;
  } catch (error) {
    if (i > 200) throw error;
    await new Promise((r) => setTimeout(r, 100));
  }
}

// --- the API server's storage formats (see src/etcd/storage.ts for the reading side)
const varint = (n) => {
  const out = [];
  while (n > 0x7f) {
    out.push((n & 0x7f) | 0x80);
    n = Math.floor(n / 128);
  }
  out.push(n);
  return Buffer.from(out);
};
const field = (num, data) => {
  const b = typeof data === 'string' ? Buffer.from(data) : data;
  return Buffer.concat([varint((num << 3) | 2), varint(b.length), b]);
};
const protobufSecret = (ns, name) => {
  const meta = Buffer.concat([field(1, name), field(3, ns)]);
  const data = field(2, Buffer.concat([field(1, 'password'), field(2, randomBytes(24).toString('hex'))]));
  const secret = Buffer.concat([field(1, meta), data, field(6, 'Opaque')]);
  return Buffer.concat([Buffer.from('k8s\0'), field(1, Buffer.concat([field(1, 'v1'), field(2, 'Secret')])), field(2, secret)]);
};
const keys = { box: randomBytes(32), gcm: randomBytes(32), cbc: randomBytes(32) };
const seal = {
  box: (plain) => {
    const nonce = randomBytes(24);
    return Buffer.concat([Buffer.from('k8s:enc:secretbox:v1:box1:'), nonce, Buffer.from(nacl.secretbox(plain, nonce, keys.box))]);
  },
  gcm: (plain, key) => {
    const nonce = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', keys.gcm, nonce);
    c.setAAD(Buffer.from(key));
    const body = Buffer.concat([c.update(plain), c.final()]);
    return Buffer.concat([Buffer.from('k8s:enc:aesgcm:v1:gcm1:'), nonce, body, c.getAuthTag()]);
  },
  cbc: (plain) => {
    const iv = randomBytes(16);
    const c = createCipheriv('aes-256-cbc', keys.cbc, iv);
    return Buffer.concat([Buffer.from('k8s:enc:aescbc:v1:cbc1:'), iv, c.update(plain), c.final()]);
  },
};
writeFileSync(
  join(dir, 'config.yaml'),
  `apiVersion: apiserver.config.k8s.io/v1
kind: EncryptionConfiguration
resources:
  - resources: [secrets]
    providers:
      - secretbox: {keys: [{name: box1, secret: ${keys.box.toString('base64')}}]}
      - aesgcm: {keys: [{name: gcm1, secret: ${keys.gcm.toString('base64')}}]}
      - aescbc: {keys: [{name: cbc1, secret: ${keys.cbc.toString('base64')}}]}
      - identity: {}
`,
  { mode: 0o600 },
);

// --- write the store
const writeStart = performance.now();
let ops = [];
for (let i = 0; i < COUNT; i++) {
  const ns = `team-${i % 200}`;
  const key = `/registry/secrets/${ns}/secret-${String(i).padStart(6, '0')}`;
  const plain = protobufSecret(ns, `secret-${i}`);
  const r = i % 10;
  const value = r < 4 ? seal.box(plain) : r < 7 ? seal.gcm(plain, key) : r < 9 ? seal.cbc(plain) : plain;
  ops.push({ request_put: { key: Buffer.from(key).toString('base64'), value: value.toString('base64') } });
  if (ops.length === 2000) {
    await client.call('kv/txn', { success: ops });
    ops = [];
  }
}
if (ops.length) await client.call('kv/txn', { success: ops });
console.log(`wrote ${COUNT} secrets in ${((performance.now() - writeStart) / 1000).toFixed(1)} s (setup, not measured)`);

// --- baseline: a raw paged read of the same keys and values, same page size, no decoding
const rawStart = performance.now();
let rawCount = 0;
let rawBytes = 0;
for await (const page of client.scan(Buffer.from('/registry/secrets/'), { pageSize: 500 })) {
  rawCount += page.length;
  for (const kv of page) rawBytes += kv.value.length;
}
const rawSeconds = (performance.now() - rawStart) / 1000;
client.close();

// --- greenbelt etcd verify, as the CLI, in a child process
const run = (args) =>
  new Promise((resolve) => {
    const start = performance.now();
    const child = spawn(
      process.execPath,
      [join(root, 'dist', 'cli', 'main.js'), 'etcd', 'verify', '--endpoints', endpoint, ...args],
      {
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
    let peakKb = 0;
    const sample = setInterval(() => {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        const hwm = /VmHWM:\s+(\d+) kB/.exec(status);
        if (hwm) peakKb = Math.max(peakKb, Number(hwm[1]));
      } catch {}
    }, 20);
    child.on('exit', (code) => {
      clearInterval(sample);
      resolve({ code, seconds: (performance.now() - start) / 1000, peakMb: peakKb / 1024 });
    });
  });

const out = join(dir, 'verify.json');
const verify = await run(['--encryption-config', join(dir, 'config.yaml'), '--format', 'json', '--output', out]);
const report = JSON.parse(readFileSync(out, 'utf8'));
const textRun = await run(['--encryption-config', join(dir, 'config.yaml'), '--output', join(dir, 'verify.txt')]);

const s = report.summary;
console.log(
  `raw paged read (baseline): ${rawCount} values, ${(rawBytes / 1024 / 1024).toFixed(1)} MB in ${rawSeconds.toFixed(2)} s`,
);
console.log(
  `etcd verify --format json: ${s.objects} objects (${s.encrypted} encrypted, ${s.plaintext} plain, ${s.unreadable} unreadable) in ${verify.seconds.toFixed(2)} s = ${Math.round(s.objects / verify.seconds)} objects/s, peak ${verify.peakMb.toFixed(0)} MB, exit ${verify.code}; report ${(statSync(out).size / 1024 / 1024).toFixed(1)} MB`,
);
console.log(`etcd verify (text):        ${textRun.seconds.toFixed(2)} s, peak ${textRun.peakMb.toFixed(0)} MB`);
console.log(
  `ratio verify / raw read:   ${(verify.seconds / rawSeconds).toFixed(2)}x (json), ${(textRun.seconds / rawSeconds).toFixed(2)}x (text)`,
);
console.log(`targets: < 30 s ${verify.seconds < 30 ? 'met' : 'MISSED'}, < 200 MB ${verify.peakMb < 200 ? 'met' : 'MISSED'}`);
const ok = s.objects === COUNT && s.unreadable === 0 && s.plaintext === COUNT / 10;
if (!ok) console.log('unexpected classification counts: check the verifier');
cleanup();
process.exit(0);
