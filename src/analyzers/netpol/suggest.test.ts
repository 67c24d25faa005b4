import { describe, expect, it } from 'vitest';
import { SourceText } from '../../core/source.js';
import { distinguishingLabels, parseFlows, suggestPolicies } from './suggest.js';
import { analyse, list, pod } from './testing/fixtures.js';

const app = `apiVersion: apps/v1
kind: Deployment
metadata: { name: frontend, namespace: shop }
spec:
  template:
    metadata: { labels: { app: frontend, pod-template-hash: 5d9 } }
    spec: { containers: [{ name: f, image: "ghcr.io/acme/frontend:1", ports: [{ containerPort: 8080 }] }] }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: backend, namespace: shop }
spec:
  template:
    metadata: { labels: { app: backend, tier: api } }
    spec: { containers: [{ name: b, image: "ghcr.io/acme/backend:1", ports: [{ containerPort: 9090 }] }] }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: backend-canary, namespace: shop }
spec:
  template:
    metadata: { labels: { app: backend, tier: api, track: canary } }
    spec: { containers: [{ name: b, image: "ghcr.io/acme/backend:2" }] }
---
apiVersion: apps/v1
kind: StatefulSet
metadata: { name: db, namespace: data }
spec:
  template:
    metadata: { labels: { app: db } }
    spec: { containers: [{ name: db, image: "postgres:17", ports: [{ containerPort: 5432 }] }] }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: coredns, namespace: kube-system }
spec:
  template:
    metadata: { labels: { k8s-app: kube-dns } }
    spec: { containers: [{ name: coredns, image: "registry.k8s.io/coredns/coredns:v1.11.3" }] }
`;

const flowsText = `flows:
  - from: shop/frontend
    to: shop/backend
    port: 9090/TCP
  - from: shop/backend
    to: data/db
    port: 5432/TCP
  - from: 0.0.0.0/0
    to: shop/frontend
    port: 8080/TCP
  - from: shop/backend
    to: 203.0.113.0/24
    ports: [443/TCP]
`;

describe('suggest', () => {
  it('reads flows with their lines, and reports bad ones with positions', () => {
    const { flows, errors } = parseFlows(new SourceText('flows.yaml', flowsText));
    expect(errors).toEqual([]);
    expect(flows.map((f) => [f.from, f.to, f.ports?.map((p) => `${p.start}/${p.protocol}`), f.line])).toEqual([
      ['shop/frontend', 'shop/backend', ['9090/TCP'], 2],
      ['shop/backend', 'data/db', ['5432/TCP'], 5],
      ['0.0.0.0/0', 'shop/frontend', ['8080/TCP'], 8],
      ['shop/backend', '203.0.113.0/24', ['443/TCP'], 11],
    ]);
    const bad = parseFlows(new SourceText('flows.yaml', '- from: a\n  to: b\n  port: http\n- to: c\n'));
    expect(bad.errors.map((e) => `${e.line}: ${e.message}`)).toEqual([
      '1: invalid port "http": write 8080/TCP, 53/UDP or 8000-8100/TCP',
      '4: a flow needs from and to (namespace/workload, or a CIDR for traffic from or to outside the cluster)',
    ]);
  });

  it('selects each workload by the fewest stable labels that tell it apart', () => {
    const { model } = analyse(app);
    const byName = (name: string) => model.peers.find((p) => p.name === name);
    const frontend = byName('frontend');
    const backend = byName('backend');
    const canary = byName('backend-canary');
    if (!frontend || !backend || !canary) throw new Error('fixture');
    expect(distinguishingLabels(model, frontend)).toEqual({ labels: { app: 'frontend' }, unique: true });
    // backend's labels are a subset of the canary's: no selector picks backend alone.
    expect(distinguishingLabels(model, backend)).toEqual({ labels: { app: 'backend', tier: 'api' }, unique: false });
    expect(distinguishingLabels(model, canary)).toEqual({
      labels: { app: 'backend', tier: 'api', track: 'canary' },
      unique: true,
    });
  });

  it('writes policies under which the map is exactly the flows plus DNS', () => {
    const { model } = analyse(app);
    const { flows } = parseFlows(new SourceText('flows.yaml', flowsText));
    const result = suggestPolicies(model, flows);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([
      'shop/backend[Deployment] has the same labels as another workload of its namespace; the policies select both',
    ]);
    expect(result.policies.map((p) => `${p.metadata.namespace}/${p.metadata.name}`)).toEqual([
      'data/default-deny-all',
      'data/allow-dns-egress',
      'shop/default-deny-all',
      'shop/allow-dns-egress',
      'data/allow-ingress-db',
      'shop/allow-ingress-backend',
      'shop/allow-ingress-frontend',
      'shop/allow-egress-backend',
      'shop/allow-egress-frontend',
    ]);
    const lines = list(`${app}---\n${result.yaml}`);
    // Lines between kube-system and the outside are not governed by the suggestion (kube-system is
    // not isolated); everything touching the suggested namespaces must be a flow or DNS.
    const governed = lines.filter((l) => /(^| )(shop|data)\//.test(l));
    expect(governed).toEqual([
      '0.0.0.0-255.255.255.255[External] => shop/frontend[Deployment] : TCP 8080',
      'data/db[StatefulSet] => kube-system/coredns[Deployment] : TCP 53,UDP 53',
      'shop/backend-canary[Deployment] => 203.0.113.0-203.0.113.255[External] : TCP 443',
      'shop/backend-canary[Deployment] => data/db[StatefulSet] : TCP 5432',
      'shop/backend-canary[Deployment] => kube-system/coredns[Deployment] : TCP 53,UDP 53',
      'shop/backend[Deployment] => 203.0.113.0-203.0.113.255[External] : TCP 443',
      'shop/backend[Deployment] => data/db[StatefulSet] : TCP 5432',
      'shop/backend[Deployment] => kube-system/coredns[Deployment] : TCP 53,UDP 53',
      'shop/frontend[Deployment] => kube-system/coredns[Deployment] : TCP 53,UDP 53',
      'shop/frontend[Deployment] => shop/backend-canary[Deployment] : TCP 9090',
      'shop/frontend[Deployment] => shop/backend[Deployment] : TCP 9090',
    ]);
  });

  it('without look-alike workloads the map is exactly the declared flows plus DNS', () => {
    const plain = app.replace(
      /---\napiVersion: apps\/v1\nkind: Deployment\nmetadata: \{ name: backend-canary[\s\S]*?(?=---)/,
      '',
    );
    const { model } = analyse(plain);
    const result = suggestPolicies(model, parseFlows(new SourceText('flows.yaml', flowsText)).flows);
    expect(result.warnings).toEqual([]);
    const governed = list(`${plain}---\n${result.yaml}`).filter((l) => /(^| )(shop|data)\//.test(l));
    const dns = governed.filter((l) => l.endsWith('kube-system/coredns[Deployment] : TCP 53,UDP 53'));
    expect(dns).toHaveLength(3);
    expect(governed.filter((l) => !dns.includes(l))).toEqual([
      '0.0.0.0-255.255.255.255[External] => shop/frontend[Deployment] : TCP 8080',
      'shop/backend[Deployment] => 203.0.113.0-203.0.113.255[External] : TCP 443',
      'shop/backend[Deployment] => data/db[StatefulSet] : TCP 5432',
      'shop/frontend[Deployment] => shop/backend[Deployment] : TCP 9090',
    ]);
  });

  it('refuses flows it cannot express', () => {
    const { model } = analyse(app + pod('bare', 'shop'));
    const result = suggestPolicies(model, [
      { from: 'shop/nope', to: 'shop/backend', ports: undefined, line: 1 },
      { from: '10.0.0.0/8', to: '192.168.0.0/16', ports: undefined, line: 2 },
      { from: 'shop/bare', to: 'shop/frontend', ports: undefined, line: 3 },
    ]);
    expect(result.errors).toEqual([
      'shop/nope: no such workload in the input (flows line 1)',
      'flow 10.0.0.0/8 -> 192.168.0.0/16 (flows line 2): one end must be a workload',
      'shop/bare[Pod] has no pod labels: a NetworkPolicy cannot select it alone; give its pod template a label',
    ]);
  });
});
