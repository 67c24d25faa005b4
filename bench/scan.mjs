// The scan engine at scale, against baselines measured in the same run:
//   1. the real-manifests corpus (../shared/conformance/real-manifests, ~10.7 MB, ~1,290 documents),
//   2. a generated set of 50,000 small workload objects,
// each compared with the time the `yaml` package alone takes to parse the same files with positions
// (parseAllDocuments + LineCounter), and the cold start of `greenbelt --version` and of a scan of
// examples/. Peak memory is the maximum resident set of a fresh process doing only that scan, as
// the CLI runs it (with the collector the CLI passes, see src/core/collect.ts), and for comparison
// without it (a library host that lets V8 decide); next to it, the heap that the result alone
// keeps (after a full collection). Scans are timed with the CLI's collector too. The targets of
// issue 2 are checked at the end.
// Run after `npm run build`: node bench/scan.mjs (or npm run bench). Timings never fail the run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { LineCounter, parseAllDocuments } from 'yaml';
import { collectorForLargeHeaps } from '../dist/core/collect.js';
import { scan } from '../dist/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = join(root, '..', 'shared', 'conformance', 'real-manifests');
const bin = join(root, 'dist', 'cli', 'main.js');
const RUNS = 5;

function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : /\.(ya?ml|json)$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Median wall time (ms) of `runs` calls, after one warm-up. */
async function time(fn, runs = RUNS) {
  await fn();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

function parseBaseline(texts) {
  let documents = 0;
  for (const text of texts) {
    const lineCounter = new LineCounter();
    documents += parseAllDocuments(text, { lineCounter }).length;
  }
  return documents;
}

/**
 * Peak resident memory (MB) of a fresh Node process that scans `dir`, and the heap its result
 * keeps once the scan is over. The collection that measures the latter runs after the peak.
 */
function peakMemory(dir, collector = true) {
  const collect = collector
    ? `collect: (await import('${join(root, 'dist', 'core', 'collect.js')}')).collectorForLargeHeaps()`
    : '';
  const script = `import('${join(root, 'dist', 'index.js')}').then(async ({ scan }) => {
    const r = await scan({ paths: [${JSON.stringify(dir)}], config: false, ${collect} });
    const rss = process.resourceUsage().maxRSS;
    globalThis.gc();
    process.stdout.write(JSON.stringify({ rss, heap: process.memoryUsage().heapUsed, findings: r.findings.length, errors: r.errors.length }));
  });`;
  const child = spawnSync(process.execPath, ['--expose-gc', '-e', script], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (child.status !== 0) return { mb: Number.NaN, note: child.stderr.slice(0, 200) };
  const out = JSON.parse(child.stdout);
  return { mb: out.rss / 1024, heapMb: out.heap / 1e6, findings: out.findings, errors: out.errors };
}

function row(label, value) {
  console.log(`  ${label.padEnd(44)} ${value}`);
}

async function measure(name, dir) {
  const paths = files(dir);
  const texts = paths.map((p) => readFileSync(p, 'utf8'));
  const bytes = paths.reduce((sum, p) => sum + statSync(p).size, 0);
  const documents = parseBaseline(texts);
  const baseline = await time(() => parseBaseline(texts));
  let result;
  const full = await time(async () => {
    // As in the CLI, no earlier result is held while a scan runs (the collector would keep it).
    result = undefined;
    result = await scan({ paths: [dir], config: false, collect: collectorForLargeHeaps() });
  });
  const memory = peakMemory(dir);
  const library = peakMemory(dir, false);
  console.log(`\n${name}`);
  row('files', paths.length);
  row('documents (YAML)', documents);
  row('objects checked', result.summary.objects);
  row('MB', (bytes / 1e6).toFixed(1));
  row('findings / input errors', `${result.findings.length} / ${result.errors.length}`);
  row('yaml parse with positions (baseline), s', (baseline / 1000).toFixed(3));
  row('full scan (read, parse, all rules, locate), s', (full / 1000).toFixed(3));
  row('objects per second', Math.round(result.summary.objects / (full / 1000)).toLocaleString('en'));
  row('ratio full scan / yaml parse', `${(full / baseline).toFixed(2)}x`);
  row('peak memory of a fresh process, MB', Number.isNaN(memory.mb) ? `n/a ${memory.note}` : memory.mb.toFixed(0));
  row('the same without a collector, MB', Number.isNaN(library.mb) ? `n/a ${library.note}` : library.mb.toFixed(0));
  if (!Number.isNaN(memory.mb)) row('heap kept by the result after the scan, MB', memory.heapMb.toFixed(0));
  return { objectsPerSecond: result.summary.objects / (full / 1000), ratio: full / baseline, peakMb: memory.mb };
}

const hardenedPod = (n, indent) => {
  const pad = ' '.repeat(indent);
  return `${pad}serviceAccountName: app-${n % 100}
${pad}automountServiceAccountToken: false
${pad}securityContext: { runAsNonRoot: true, runAsUser: 10001, seccompProfile: { type: RuntimeDefault } }
${pad}containers:
${pad}  - name: app
${pad}    image: ghcr.io/acme/app-${n % 20}:1.${n % 10}.0
${pad}    ports: [{ name: http, containerPort: 8080 }]
${pad}    securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: [ALL] } }
${pad}    resources:
${pad}      requests: { cpu: 100m, memory: 128Mi, ephemeral-storage: 64Mi }
${pad}      limits: { cpu: 500m, memory: 256Mi, ephemeral-storage: 128Mi }
${pad}    livenessProbe: { httpGet: { path: /healthz, port: http } }
${pad}    readinessProbe: { httpGet: { path: /ready, port: http } }`;
};

/**
 * 50,000 small objects in a mix modelled on real repositories (about 2.5 findings per object, as
 * the real-manifests corpus has 2.8): 40% hardened Deployments, 20% Services, 15% ConfigMaps,
 * 15% partly hardened Deployments (no probes or ephemeral-storage limits) and 10% bare Pods.
 */
function generate(dir, count) {
  mkdirSync(dir, { recursive: true });
  const perFile = 100;
  for (let f = 0; f < count / perFile; f++) {
    const docs = [];
    for (let i = 0; i < perFile; i++) {
      const n = f * perFile + i;
      const ns = `team-${n % 50}`;
      const kind = n % 20;
      if (kind < 8) {
        docs.push(`apiVersion: apps/v1
kind: Deployment
metadata: { name: app-${n}, namespace: ${ns}, labels: { app: app-${n} } }
spec:
  replicas: 2
  selector: { matchLabels: { app: app-${n} } }
  template:
    metadata: { labels: { app: app-${n} } }
    spec:
${hardenedPod(n, 6)}`);
      } else if (kind < 12) {
        docs.push(`apiVersion: v1
kind: Service
metadata: { name: svc-${n}, namespace: ${ns} }
spec:
  selector: { app: app-${n - 8} }
  ports: [{ name: http, port: 80, targetPort: http }]`);
      } else if (kind < 15) {
        docs.push(`apiVersion: v1
kind: ConfigMap
metadata: { name: config-${n}, namespace: ${ns} }
data:
  LOG_LEVEL: info
  FEATURE_FLAGS: "search,checkout"
  application.yaml: |
    server:
      port: 8080
    cache:
      ttl: 300`);
      } else if (kind < 18) {
        docs.push(`apiVersion: apps/v1
kind: Deployment
metadata: { name: worker-${n}, namespace: ${ns} }
spec:
  selector: { matchLabels: { app: worker-${n} } }
  template:
    metadata: { labels: { app: worker-${n} } }
    spec:
      serviceAccountName: worker
      automountServiceAccountToken: false
      securityContext: { runAsNonRoot: true, seccompProfile: { type: RuntimeDefault } }
      containers:
        - name: worker
          image: ghcr.io/acme/worker:3.${n % 9}.1
          securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: [ALL] } }
          resources: { requests: { cpu: 50m, memory: 64Mi }, limits: { cpu: 200m, memory: 128Mi } }`);
      } else {
        docs.push(`apiVersion: v1
kind: Pod
metadata: { name: debug-${n}, namespace: ${ns} }
spec:
  containers:
    - name: main
      image: busybox:1.36
      command: ["sleep", "3600"]`);
      }
    }
    writeFileSync(join(dir, `objects-${String(f).padStart(4, '0')}.yaml`), `${docs.join('\n---\n')}\n`);
  }
}

function coldStart(args, runs) {
  const times = [];
  for (let i = 0; i < runs + 1; i++) {
    const start = performance.now();
    spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8' });
    if (i > 0) times.push(performance.now() - start);
  }
  return median(times);
}

console.log('greenbelt scan benchmark (medians; baselines measured in this run)');
let real;
if (existsSync(corpus)) real = await measure('real-manifests corpus', corpus);
else console.log('\nreal-manifests corpus: skipped (../shared/conformance/real-manifests is absent)');

const generated = mkdtempSync(join(tmpdir(), 'greenbelt-bench-'));
let small;
try {
  generate(generated, 50_000);
  small = await measure('generated: 50,000 small objects (realistic mix, see generate())', generated);
} finally {
  rmSync(generated, { recursive: true, force: true });
}

const nodeOnly = (() => {
  const times = [];
  for (let i = 0; i < 11; i++) {
    const start = performance.now();
    spawnSync(process.execPath, ['-e', ''], { encoding: 'utf8' });
    if (i > 0) times.push(performance.now() - start);
  }
  return median(times);
})();
console.log('\ncold start (wall time, median of 10)');
row('node -e "" (baseline), ms', nodeOnly.toFixed(0));
const version = coldStart(['--version'], 10);
const examples = coldStart(['scan', 'examples/', '--format', 'json'], 10);
row('greenbelt --version, ms', version.toFixed(0));
row('greenbelt scan examples/, ms', examples.toFixed(0));

const verdict = (ok) => (ok ? 'met' : 'NOT met');
console.log('\ntargets (issue 2; measured on this machine, whatever else it is running)');
if (real) row('real-manifests scan <= 1.0x the yaml parse', `${verdict(real.ratio <= 1)} (${real.ratio.toFixed(2)}x)`);
row(
  '>= 10,000 small objects per second',
  `${verdict(small.objectsPerSecond >= 10_000)} (${Math.round(small.objectsPerSecond).toLocaleString('en')})`,
);
row('peak memory < 300 MB for 50,000 objects', `${verdict(small.peakMb < 300)} (${small.peakMb.toFixed(0)} MB)`);
row('greenbelt --version < 150 ms', `${verdict(version < 150)} (${version.toFixed(0)} ms)`);
row('scan of examples/ < 400 ms', `${verdict(examples < 400)} (${examples.toFixed(0)} ms)`);
