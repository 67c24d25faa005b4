/**
 * ahmetb/kubernetes-network-policy-recipes: each recipe's "Try it out" section, as summarised in
 * expected-behaviour.md, becomes probes (client pod labels and namespace -> target -> allowed or
 * blocked) answered by greenbelt's model. Every probe is answered twice, by the connectivity map
 * and by explain (two implementations of the semantics), and both must agree.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConnSet } from '../src/analyzers/netpol/conn.js';
import { explainConnection, resolvePeer } from '../src/analyzers/netpol/explain.js';
import { buildNetpolAnalysis, type NetpolAnalysis } from '../src/analyzers/netpol/index.js';
import { SourceText } from '../src/core/source.js';
import { type K8sObject, objectsOfDocument } from '../src/model/k8s.js';
import { ObjectSet } from '../src/model/object-set.js';
import { parseYaml } from '../src/sources/yaml.js';

const recipes = join(import.meta.dirname, '..', '..', 'shared', 'conformance', 'netpol-recipes', 'policies');
const present = existsSync(recipes);

function policy(file: string): string {
  return readFileSync(join(recipes, file), 'utf8');
}

function pod(name: string, namespace: string, labels: Record<string, string> = {}, ports = ''): string {
  const labelText = Object.entries(labels)
    .map(([k, v]) => `${k}: "${v}"`)
    .join(', ');
  return `apiVersion: v1
kind: Pod
metadata: { name: ${name}, namespace: ${namespace}, labels: { ${labelText} } }
spec:
  containers:
    - name: main
      image: nginx:1.27
${ports ? `      ports: ${ports}\n` : ''}`;
}

function namespace(name: string, labels: Record<string, string> = {}): string {
  const labelText = Object.entries(labels)
    .map(([k, v]) => `${k}: "${v}"`)
    .join(', ');
  return `apiVersion: v1\nkind: Namespace\nmetadata: { name: ${name}, labels: { ${labelText} } }\n`;
}

const kubeDns = pod(
  'coredns',
  'kube-system',
  { 'k8s-app': 'kube-dns' },
  '[{ containerPort: 53, protocol: UDP }, { containerPort: 53 }]',
);

function analyse(...documents: string[]): NetpolAnalysis {
  const source = new SourceText('recipe.yaml', documents.map((d) => d.trimEnd()).join('\n---\n'));
  const parsed = parseYaml(source);
  expect(parsed.errors).toEqual([]);
  const objects: K8sObject[] = parsed.documents.flatMap(objectsOfDocument);
  return buildNetpolAnalysis(new ObjectSet(objects));
}

/** Whether SRC can open a connection to DST on PORT (`80`, `53/UDP`), by both implementations. */
function allowed(analysis: NetpolAnalysis, src: string, dst: string, port: string): boolean {
  const [number, protocol = 'TCP'] = port.split('/');
  const wanted = ConnSet.of(protocol as 'TCP' | 'UDP', Number(number));
  const from = resolvePeer(analysis.model, src);
  const to = resolvePeer(analysis.model, dst);
  if ('error' in from || 'error' in to) throw new Error(`unknown peer ${src} or ${dst}`);
  const explained = explainConnection(analysis.connectivity, from.peer, to.peer).conn.covers(wanted);
  // The connectivity map answers the same question from its per-class views.
  let mapped: boolean;
  const { connectivity } = analysis;
  if (from.peer.type === 'workload' && to.peer.type === 'workload') {
    mapped = connectivity.between(from.peer.peer, to.peer.peer).covers(wanted);
  } else if (from.peer.type === 'ip' && to.peer.type === 'workload') {
    const range = from.peer.range;
    const ipPeer = connectivity.srcIps.find(
      (p) => p.range.family === range.family && p.range.start <= range.start && range.end <= p.range.end,
    );
    mapped = ipPeer !== undefined && connectivity.fromIp(ipPeer.index, to.peer.peer.classIndex).covers(wanted);
  } else if (from.peer.type === 'workload' && to.peer.type === 'ip') {
    const range = to.peer.range;
    const ipPeer = connectivity.dstIps.find(
      (p) => p.range.family === range.family && p.range.start <= range.start && range.end <= p.range.end,
    );
    mapped = ipPeer !== undefined && connectivity.toIp(from.peer.peer.classIndex, ipPeer.index).covers(wanted);
  } else throw new Error('both peers external');
  expect(mapped, `map and explain agree on ${src} -> ${dst} ${port}`).toBe(explained);
  return explained;
}

const web = pod('web', 'default', { app: 'web' }, '[{ containerPort: 80 }]');

describe.skipIf(!present)('network policy recipes', () => {
  it('01 deny all traffic to an application: any pod -> web is blocked', () => {
    const a = analyse(
      policy('01-deny-all-traffic-to-an-application/01.yaml'),
      web,
      pod('client', 'default'),
      pod('client', 'other'),
    );
    expect(allowed(a, 'default/client', 'default/web', '80')).toBe(false);
    expect(allowed(a, 'other/client', 'default/web', '80')).toBe(false);
  });

  it('02 limit traffic to an application: only app=bookstore reaches the API', () => {
    const a = analyse(
      policy('02-limit-traffic-to-an-application/01.yaml'),
      pod('apiserver', 'default', { app: 'bookstore', role: 'api' }, '[{ containerPort: 80 }]'),
      pod('client', 'default'),
      pod('frontend', 'default', { app: 'bookstore', role: 'frontend' }),
    );
    expect(allowed(a, 'default/client', 'default/apiserver', '80')).toBe(false);
    expect(allowed(a, 'default/frontend', 'default/apiserver', '80')).toBe(true);
  });

  it('02a allow all traffic to an application: overrides 01, policies are additive', () => {
    const a = analyse(
      policy('01-deny-all-traffic-to-an-application/01.yaml'),
      policy('02a-allow-all-traffic-to-an-application/01.yaml'),
      web,
      pod('client', 'default'),
      pod('client', 'other'),
    );
    expect(allowed(a, 'default/client', 'default/web', '80')).toBe(true);
    expect(allowed(a, 'other/client', 'default/web', '80')).toBe(true);
  });

  it('03 deny all non-whitelisted traffic in the namespace: every pod of default is isolated', () => {
    const a = analyse(
      policy('03-deny-all-non-whitelisted-traffic-in-the-namespace/01.yaml'),
      web,
      pod('client', 'default'),
      pod('client', 'other'),
    );
    expect(allowed(a, 'default/client', 'default/web', '80')).toBe(false);
    expect(allowed(a, 'other/client', 'default/web', '80')).toBe(false);
    expect(allowed(a, 'default/web', 'other/client', '80')).toBe(true);
  });

  it('04 deny traffic from other namespaces: same namespace allowed, foo blocked', () => {
    const a = analyse(
      policy('04-deny-traffic-from-other-namespaces/01.yaml'),
      web,
      namespace('foo'),
      pod('client', 'foo'),
      pod('client', 'default'),
    );
    expect(allowed(a, 'foo/client', 'default/web', '80')).toBe(false);
    expect(allowed(a, 'default/client', 'default/web', '80')).toBe(true);
  });

  it('05 allow traffic from all namespaces', () => {
    const a = analyse(
      policy('05-allow-traffic-from-all-namespaces/01.yaml'),
      web,
      pod('client', 'secondary'),
      pod('client', 'third'),
    );
    expect(allowed(a, 'secondary/client', 'default/web', '80')).toBe(true);
    expect(allowed(a, 'third/client', 'default/web', '80')).toBe(true);
  });

  it('06 allow traffic from a namespace: prod allowed, dev blocked', () => {
    const a = analyse(
      policy('06-allow-traffic-from-a-namespace/01.yaml'),
      web,
      namespace('dev', { purpose: 'testing' }),
      namespace('prod', { purpose: 'production' }),
      pod('client', 'dev'),
      pod('client', 'prod'),
    );
    expect(allowed(a, 'dev/client', 'default/web', '80')).toBe(false);
    expect(allowed(a, 'prod/client', 'default/web', '80')).toBe(true);
  });

  it('07 allow traffic from some pods in another namespace: namespace AND pod selector', () => {
    const a = analyse(
      policy('07-allow-traffic-from-some-pods-in-another-namespace/01.yaml'),
      web,
      namespace('other', { team: 'operations' }),
      pod('plain', 'default'),
      pod('monitor', 'default', { type: 'monitoring' }),
      pod('plain', 'other'),
      pod('monitor', 'other', { type: 'monitoring' }),
    );
    expect(allowed(a, 'default/plain', 'default/web', '80')).toBe(false);
    expect(allowed(a, 'default/monitor', 'default/web', '80')).toBe(false);
    expect(allowed(a, 'other/plain', 'default/web', '80')).toBe(false);
    expect(allowed(a, 'other/monitor', 'default/web', '80')).toBe(true);
  });

  it('07 (the OR form from the prose): two peers admit either', () => {
    const orForm = policy('07-allow-traffic-from-some-pods-in-another-namespace/01.yaml').replace(
      /\n {8}podSelector:/,
      '\n      - podSelector:',
    );
    const a = analyse(
      orForm,
      web,
      namespace('other', { team: 'operations' }),
      pod('plain', 'default'),
      pod('monitor', 'default', { type: 'monitoring' }),
      pod('plain', 'other'),
      pod('elsewhere', 'third', { type: 'monitoring' }),
    );
    expect(allowed(a, 'default/monitor', 'default/web', '80')).toBe(true);
    expect(allowed(a, 'other/plain', 'default/web', '80')).toBe(true);
    expect(allowed(a, 'default/plain', 'default/web', '80')).toBe(false);
    // A podSelector without namespaceSelector means the policy's own namespace only.
    expect(allowed(a, 'third/elsewhere', 'default/web', '80')).toBe(false);
  });

  it('08 allow external traffic: every source, and the port-80 variant', () => {
    const a = analyse(policy('08-allow-external-traffic/01.yaml'), web, pod('client', 'other'));
    expect(allowed(a, '203.0.113.7', 'default/web', '80')).toBe(true);
    expect(allowed(a, 'other/client', 'default/web', '80')).toBe(true);
    const fragment = policy('08-allow-external-traffic/02.fragment.yaml');
    const port80 = policy('08-allow-external-traffic/01.yaml').replace(/ {2}ingress:\n {2}- \{\}\n?/, fragment);
    const b = analyse(port80, web, pod('client', 'other'));
    expect(allowed(b, '203.0.113.7', 'default/web', '80')).toBe(true);
    expect(allowed(b, '203.0.113.7', 'default/web', '443')).toBe(false);
    expect(allowed(b, 'other/client', 'default/web', '443')).toBe(false);
  });

  it('09 allow traffic only to a port, numbered and named', () => {
    const apiserver = pod(
      'apiserver',
      'default',
      { app: 'apiserver' },
      '[{ containerPort: 8000 }, { name: api-port, containerPort: 5000 }]',
    );
    const clients = [pod('plain', 'default'), pod('monitor', 'default', { role: 'monitoring' })];
    const a = analyse(policy('09-allow-traffic-only-to-a-port/01.yaml'), apiserver, ...clients);
    expect(allowed(a, 'default/plain', 'default/apiserver', '8000')).toBe(false);
    expect(allowed(a, 'default/plain', 'default/apiserver', '5000')).toBe(false);
    expect(allowed(a, 'default/monitor', 'default/apiserver', '5000')).toBe(true);
    expect(allowed(a, 'default/monitor', 'default/apiserver', '8000')).toBe(false);
    // The named-port form: `port: api-port` resolves to the pod's containerPort 5000.
    const named = policy('09-allow-traffic-only-to-a-port/01.yaml').replace('- port: 5000', '- port: api-port');
    expect(policy('09-allow-traffic-only-to-a-port/02.fragment.yaml')).toContain('port: api-port');
    expect(policy('09-allow-traffic-only-to-a-port/03.fragment.yaml')).toContain('containerPort: 5000');
    const b = analyse(named, apiserver, ...clients);
    expect(allowed(b, 'default/monitor', 'default/apiserver', '5000')).toBe(true);
    expect(allowed(b, 'default/monitor', 'default/apiserver', '8000')).toBe(false);
  });

  it('10 allowing traffic with multiple selectors: peers are OR-ed', () => {
    const a = analyse(
      policy('10-allowing-traffic-with-multiple-selectors/01.yaml'),
      pod('db', 'default', { app: 'bookstore', role: 'db' }, '[{ containerPort: 6379 }]'),
      pod('inventory', 'default', { app: 'inventory', role: 'web' }),
      pod('search', 'default', { app: 'bookstore', role: 'search' }),
      pod('api', 'default', { app: 'bookstore', role: 'api' }),
      pod('other', 'default', { app: 'other' }),
    );
    expect(allowed(a, 'default/inventory', 'default/db', '6379')).toBe(true);
    expect(allowed(a, 'default/search', 'default/db', '6379')).toBe(true);
    expect(allowed(a, 'default/api', 'default/db', '6379')).toBe(true);
    expect(allowed(a, 'default/other', 'default/db', '6379')).toBe(false);
  });

  it('11 deny egress traffic from an application: v1 blocks DNS too, v2 allows only DNS', () => {
    const setup = [web, kubeDns, pod('foo', 'default', { app: 'foo' })];
    const a = analyse(policy('11-deny-egress-traffic-from-an-application/01.yaml'), ...setup);
    expect(allowed(a, 'default/foo', 'kube-system/coredns', '53/UDP')).toBe(false);
    expect(allowed(a, 'default/foo', 'default/web', '80')).toBe(false);
    expect(allowed(a, 'default/foo', '93.184.216.34', '80')).toBe(false);
    const b = analyse(policy('11-deny-egress-traffic-from-an-application/02.yaml'), ...setup);
    expect(allowed(b, 'default/foo', 'kube-system/coredns', '53/UDP')).toBe(true);
    expect(allowed(b, 'default/foo', 'kube-system/coredns', '53/TCP')).toBe(true);
    expect(allowed(b, 'default/foo', 'default/web', '80')).toBe(false);
    expect(allowed(b, 'default/foo', '93.184.216.34', '80')).toBe(false);
  });

  it('12 deny all non-whitelisted traffic from the namespace: all egress of default, DNS included', () => {
    const a = analyse(
      policy('12-deny-all-non-whitelisted-traffic-from-the-namespace/01.yaml'),
      web,
      kubeDns,
      pod('client', 'default'),
    );
    expect(allowed(a, 'default/client', 'kube-system/coredns', '53/UDP')).toBe(false);
    expect(allowed(a, 'default/client', 'default/web', '80')).toBe(false);
    expect(allowed(a, 'default/client', '93.184.216.34', '443')).toBe(false);
    expect(allowed(a, 'kube-system/coredns', 'default/web', '80')).toBe(true);
  });

  it('14 deny external egress traffic: DNS works, external blocked; web:80 blocked by the current YAML', () => {
    const a = analyse(policy('14-deny-external-egress-traffic/01.yaml'), web, kubeDns, pod('foo', 'default', { app: 'foo' }));
    expect(allowed(a, 'default/foo', 'kube-system/coredns', '53/UDP')).toBe(true);
    expect(allowed(a, 'default/foo', 'kube-system/coredns', '53/TCP')).toBe(true);
    expect(allowed(a, 'default/foo', '93.184.216.34', '80')).toBe(false);
    // Known upstream inconsistency: the prose says app=foo -> web:80 is allowed, but it comes from
    // an older revision with a `namespaceSelector: {}` peer. By the current YAML it is blocked.
    expect(allowed(a, 'default/foo', 'default/web', '80')).toBe(false);
    // The older revision: a second egress rule to every namespace, on every port.
    const older = `${policy('14-deny-external-egress-traffic/01.yaml').trimEnd()}\n  - to:\n    - namespaceSelector: {}\n`;
    const b = analyse(older, web, kubeDns, pod('foo', 'default', { app: 'foo' }));
    expect(allowed(b, 'default/foo', 'default/web', '80')).toBe(true);
    expect(allowed(b, 'default/foo', '93.184.216.34', '80')).toBe(false);
  });
});
