// RBAC benchmark: 20,000 generated roles and bindings. Measures the model build, a who-can query
// and escalation paths for every subject, each as a ratio of a baseline measured in the same run:
// parsing the same YAML text with greenbelt's positioned YAML loader.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const { SourceText } = await import(join(dist, 'core', 'source.js'));
const { parseYaml } = await import(join(dist, 'sources', 'yaml.js'));
const { objectsOfDocument } = await import(join(dist, 'model', 'k8s.js'));
const { ObjectSet } = await import(join(dist, 'model', 'object-set.js'));
const { RbacModel } = await import(join(dist, 'analyzers', 'rbac', 'model.js'));
const { EscalationGraph } = await import(join(dist, 'analyzers', 'rbac', 'paths.js'));
const { whoCan } = await import(join(dist, 'analyzers', 'rbac', 'queries.js'));
const { resourceRequest } = await import(join(dist, 'analyzers', 'rbac', 'policy.js'));

const ROLES = Number(process.env.BENCH_SCALE ?? 1) * 10_000;
const BINDINGS = Number(process.env.BENCH_SCALE ?? 1) * 10_000;
const NAMESPACES = 400;

// A deterministic generator (no Math.random): the same input every run.
let seed = 42;
const next = (n) => {
  // mulberry32
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) % n;
};
const pick = (list) => list[next(list.length)];
const VERBS = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'escalate', 'bind', 'impersonate', '*'];
const RESOURCES = [
  ['', 'pods'],
  ['', 'secrets'],
  ['', 'configmaps'],
  ['', 'services'],
  ['', 'pods/exec'],
  ['', 'serviceaccounts/token'],
  ['apps', 'deployments'],
  ['apps', 'daemonsets'],
  ['batch', 'jobs'],
  ['rbac.authorization.k8s.io', 'rolebindings'],
  ['example.com', 'widgets'],
  ['*', '*'],
  ['', 'nodes/proxy'],
  ['', 'persistentvolumes'],
];

function generate() {
  const docs = [];
  for (let i = 0; i < ROLES; i++) {
    const cluster = i % 5 === 0;
    const ns = `ns-${next(NAMESPACES)}`;
    const rules = [];
    const count = 1 + next(4);
    for (let r = 0; r < count; r++) {
      // Mostly read-only, like real clusters; a few dangerous verbs.
      const verbs = next(10) < 7 ? ['get', 'list', 'watch'] : [pick(VERBS), pick(VERBS)];
      const [group, resource] = next(50) === 0 ? RESOURCES[11] : pick(RESOURCES.slice(0, 11));
      rules.push(
        `  - apiGroups: ["${group}"]\n    resources: ["${resource}"]\n    verbs: [${verbs.map((v) => `"${v}"`).join(', ')}]`,
      );
    }
    const labels = cluster && i % 50 === 0 ? `\n  labels: { tier: t${next(5)} }` : '';
    const aggregation =
      cluster && i % 500 === 0 ? `aggregationRule:\n  clusterRoleSelectors: [{ matchLabels: { tier: t${next(5)} } }]\n` : '';
    docs.push(
      `apiVersion: rbac.authorization.k8s.io/v1\nkind: ${cluster ? 'ClusterRole' : 'Role'}\nmetadata:\n  name: role-${i}${cluster ? '' : `\n  namespace: ${ns}`}${labels}\n${aggregation}rules:\n${rules.join('\n')}`,
    );
  }
  for (let i = 0; i < BINDINGS; i++) {
    const roleIndex = next(ROLES);
    const cluster = roleIndex % 5 === 0;
    const crb = cluster && i % 4 === 0;
    const ns = `ns-${next(NAMESPACES)}`;
    const subjects = [];
    const count = 1 + next(3);
    for (let s = 0; s < count; s++) {
      const kind = next(10);
      if (kind < 7) subjects.push(`  - { kind: ServiceAccount, name: sa-${next(20)}, namespace: ns-${next(NAMESPACES)} }`);
      else if (kind < 9) subjects.push(`  - { kind: User, name: user-${next(500)} }`);
      else subjects.push(`  - { kind: Group, name: group-${next(50)} }`);
    }
    const roleKind = cluster ? 'ClusterRole' : 'Role';
    // A RoleBinding to a Role only resolves in the Role's namespace; most of these resolve, some dangle.
    docs.push(
      `apiVersion: rbac.authorization.k8s.io/v1\nkind: ${crb ? 'ClusterRoleBinding' : 'RoleBinding'}\nmetadata:\n  name: binding-${i}${crb ? '' : `\n  namespace: ${ns}`}\nroleRef: { apiGroup: rbac.authorization.k8s.io, kind: ${roleKind}, name: role-${roleIndex} }\nsubjects:\n${subjects.join('\n')}`,
    );
  }
  return `${docs.join('\n---\n')}\n`;
}

function time(fn, runs = 1) {
  const samples = [];
  let value;
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    value = fn();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return { ms: samples[Math.floor(samples.length / 2)], value };
}

const text = generate();
const baseline = time(() => parseYaml(new SourceText('bench.yaml', text)));
const objects = baseline.value.documents.flatMap((d) => objectsOfDocument(d));
const set = new ObjectSet(objects);
const build = time(() => new RbacModel(set), 3);
const model = build.value;
const requests = [
  resourceRequest('get', '', 'secrets', { namespace: 'ns-7' }),
  resourceRequest('create', '', 'pods', { namespace: 'ns-100' }),
  resourceRequest('list', 'apps', 'deployments', { namespace: '' }),
  resourceRequest('create', '', 'pods', { subresource: 'exec', namespace: 'ns-3' }),
  resourceRequest('get', 'example.com', 'widgets', { namespace: 'ns-250', name: 'w' }),
];
let answers = 0;
const query = time(() => {
  for (const request of requests) answers += whoCan(model, request).length;
}, 5);
const perQuery = query.ms / requests.length;
const paths = time(() => {
  const graph = new EscalationGraph(set, model);
  let found = 0;
  for (const subject of graph.starts) found += graph.pathsFrom(subject).length;
  return { graph, found };
});

const line = (label, ms, target) =>
  console.log(
    `${label.padEnd(40)} ${ms.toFixed(1).padStart(9)} ms   ${(ms / baseline.ms).toFixed(3).padStart(7)}x baseline   target < ${target} ms ${ms < target ? 'ok' : 'MISSED'}`,
  );
console.log(
  `input: ${ROLES} roles + ${BINDINGS} bindings (${objects.length} objects, ${(text.length / 1e6).toFixed(1)} MB of YAML), ${model.namespaces.size} namespaces`,
);
console.log(`${'baseline: positioned YAML parse'.padEnd(40)} ${baseline.ms.toFixed(1).padStart(9)} ms   1.000x baseline`);
line('model build', build.ms, 2000);
line(`who-can query (mean of ${requests.length})`, perQuery, 50);
line(`escalation paths, all ${paths.value.graph.starts.length} subjects`, paths.ms, 10000);
console.log(`(who-can answers: ${answers / 5} subjects per run; paths found: ${paths.value.found})`);
