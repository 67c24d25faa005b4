// NetworkPolicy analysis at scale: 10,000 pods in 1,000 namespaces with 3,000 policies.
// Measures the full connectivity map (every allowed workload-to-workload and external connection)
// and explain, against a baseline measured in the same run: parsing the same input as YAML.
// Run after `npm run build`: node --expose-gc bench/netpol.mjs
import { performance } from 'node:perf_hooks';
import { explainConnection } from '../dist/analyzers/netpol/explain.js';
import { buildNetpolAnalysis, formatConnections } from '../dist/analyzers/netpol/index.js';
import { SourceText } from '../dist/core/source.js';
import { objectsOfDocument } from '../dist/model/k8s.js';
import { ObjectSet } from '../dist/model/object-set.js';
import { parseYaml } from '../dist/sources/yaml.js';

const NAMESPACES = 1000;
const PODS_PER_NAMESPACE = 10;
const TEAMS = 20;
const TIERS = ['web', 'web', 'web', 'api', 'api', 'api', 'worker', 'worker', 'db', 'cache'];

function generate() {
  const docs = [];
  docs.push(`apiVersion: v1
kind: Pod
metadata: { name: coredns-1, namespace: kube-system, labels: { k8s-app: kube-dns } }
spec: { containers: [{ name: coredns, image: coredns, ports: [{ name: dns, containerPort: 53, protocol: UDP }, { name: dns-tcp, containerPort: 53 }] }] }`);
  for (let n = 0; n < NAMESPACES; n++) {
    const ns = `team${n % TEAMS}-app${n}`;
    const team = `t${n % TEAMS}`;
    docs.push(`apiVersion: v1
kind: Namespace
metadata: { name: ${ns}, labels: { team: ${team}, env: ${['prod', 'stage', 'dev'][n % 3]} } }`);
    for (let p = 0; p < PODS_PER_NAMESPACE; p++) {
      const tier = TIERS[p];
      const port = tier === 'db' ? 5432 : tier === 'cache' ? 6379 : 8080;
      docs.push(`apiVersion: v1
kind: Pod
metadata: { name: ${tier}-${p}, namespace: ${ns}, labels: { app: ${tier}-${p}, tier: ${tier}, version: v${p % 3} } }
spec: { containers: [{ name: main, image: "registry.example/${tier}:1", ports: [{ name: ${tier === 'db' ? 'pg' : 'http'}, containerPort: ${port} }] }] }`);
    }
    docs.push(`apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: default-deny, namespace: ${ns} }
spec: { podSelector: {}, policyTypes: [Ingress, Egress] }`);
    docs.push(`apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: allow-dns, namespace: ${ns} }
spec:
  podSelector: {}
  policyTypes: [Egress]
  egress:
    - to: [{ namespaceSelector: { matchLabels: { kubernetes.io/metadata.name: kube-system } }, podSelector: { matchLabels: { k8s-app: kube-dns } } }]
      ports: [{ port: 53, protocol: UDP }, { port: 53, protocol: TCP }]`);
    docs.push(`apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: app, namespace: ${ns} }
spec:
  podSelector: {}
  policyTypes: [Ingress, Egress]
  ingress:
    - from: [{ podSelector: { matchLabels: { tier: web } } }]
      ports: [{ port: http }]
    - from: [{ namespaceSelector: { matchLabels: { team: ${team} } }, podSelector: { matchExpressions: [{ key: tier, operator: In, values: [web, api] }] } }]
      ports: [{ port: 8080 }]
    - from: [{ podSelector: { matchLabels: { tier: api } } }, { podSelector: { matchLabels: { tier: worker } } }]
      ports: [{ port: pg }, { port: 6379 }]
    - from: [{ ipBlock: { cidr: 10.${n % 250}.0.0/16, except: [10.${n % 250}.1.0/24] } }]
      ports: [{ port: 8080 }]
  egress:
    - to: [{ podSelector: { matchExpressions: [{ key: tier, operator: In, values: [api, db, cache] }] } }]
    - to: [{ namespaceSelector: { matchLabels: { team: ${team} } }, podSelector: { matchLabels: { tier: api } } }]
      ports: [{ port: 8080 }]
    - to: [{ ipBlock: { cidr: 0.0.0.0/0, except: [10.0.0.0/8, 169.254.169.254/32] } }]
      ports: [{ port: 443 }]`);
  }
  return docs.join('\n---\n');
}

const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const ms = (value) => `${value.toFixed(value < 10 ? 3 : 0)} ms`;
let peakRss = process.memoryUsage().rss;
const sample = () => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
};

const text = generate();
const source = new SourceText('bench.yaml', text);
globalThis.gc?.();

// Baseline: parsing the same input as positioned YAML.
let start = performance.now();
const parsed = parseYaml(source);
const parseMs = performance.now() - start;
sample();
const objects = parsed.documents.flatMap(objectsOfDocument);
const pods = objects.filter((o) => o.kind === 'Pod').length;
const policies = objects.filter((o) => o.kind === 'NetworkPolicy').length;
const namespaces = objects.filter((o) => o.kind === 'Namespace').length;

start = performance.now();
const analysis = buildNetpolAnalysis(new ObjectSet(objects));
const buildMs = performance.now() - start;
sample();

start = performance.now();
let connections = 0;
let external = 0;
let pairs = 0;
analysis.connectivity.forEachClassPair(() => {
  pairs++;
});
analysis.connectivity.forEachConnection((c) => {
  connections++;
  if (c.src.type === 'ip' || c.dst.type === 'ip') external++;
  if ((connections & 0xffff) === 0) sample();
});
const mapMs = performance.now() - start;
sample();

// The txt list as `greenbelt netpol list` prints it: every connection, sorted and formatted.
start = performance.now();
const listText = formatConnections('txt', analysis.connectivity.connections());
const listMs = performance.now() - start;
sample();

// Explain: random pairs of workloads.
const peers = analysis.model.peers;
let seed = 42;
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
const samples = [];
let allowed = 0;
for (let i = 0; i < 2000; i++) {
  const src = peers[Math.floor(random() * peers.length)];
  const dst = peers[Math.floor(random() * peers.length)];
  const t = performance.now();
  const explanation = explainConnection(
    analysis.connectivity,
    { type: 'workload', id: src.id, peer: src },
    { type: 'workload', id: dst.id, peer: dst },
  );
  samples.push(performance.now() - t);
  if (!explanation.conn.isEmpty) allowed++;
}
samples.sort((a, b) => a - b);
const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
const p99 = samples[Math.floor(samples.length * 0.99)];
sample();
const heap = process.memoryUsage().heapUsed;

const totalMs = buildMs + mapMs;
console.log(
  `input: ${pods} pods (${analysis.model.peers.length} workloads, ${analysis.model.classes.length} classes) in ${namespaces} namespaces, ${policies} NetworkPolicies, ${mb(text.length)} of YAML`,
);
console.log(`baseline  YAML parse of the same input   ${ms(parseMs)}`);
console.log(`netpol    model (workloads, classes, policies) ${ms(buildMs)}`);
console.log(
  `netpol    full connectivity map          ${ms(mapMs)}  (${pairs} class pairs, ${connections} connections, ${external} with external ranges)`,
);
console.log(
  `netpol    total                          ${ms(totalMs)}  = ${(totalMs / parseMs).toFixed(2)}x the YAML parse   [target < 5000 ms]`,
);
console.log(`netpol    txt list of every connection   ${ms(listMs)}  (${mb(listText.length)} of text)`);
console.log(
  `explain   ${samples.length} random pairs          mean ${ms(mean)}, p99 ${ms(p99)}, max ${ms(samples[samples.length - 1])}  (${allowed} allowed)   [target < 10 ms]`,
);
console.log(`memory    peak RSS ${mb(peakRss)}, heap after ${mb(heap)}   [target < 1024 MB]`);
