import { describe, expect, it } from 'vitest';
import { scanText } from '../../testing/index.js';
import { analyse, netpol, pod } from './testing/fixtures.js';

describe('NetworkPolicy model', () => {
  it.each([
    ['no policyTypes, no egress rules: ingress only', 'podSelector: {}', true, false],
    ['no policyTypes, egress rules: both', 'podSelector: {}\negress:\n  - to: [{ podSelector: {} }]', true, true],
    ['no policyTypes, egress: []: ingress only', 'podSelector: {}\negress: []', true, false],
    ['policyTypes Egress ignores ingress rules', 'podSelector: {}\npolicyTypes: [Egress]\ningress: [{}]', false, true],
    ['policyTypes: [] is the default', 'podSelector: {}\npolicyTypes: []', true, false],
  ])('%s', (_name, spec, ingress, egress) => {
    const policy = analyse(netpol('p', 'shop', spec)).model.policies[0];
    expect(policy?.affectsIngress).toBe(ingress);
    expect(policy?.affectsEgress).toBe(egress);
  });

  it('distinguishes rules without peers or ports from rules with them', () => {
    const policy = analyse(
      netpol(
        'p',
        'shop',
        'podSelector: {}\ningress:\n  - {}\n  - from: []\n    ports: []\n  - from: [{ podSelector: {} }]\n    ports: [{ port: 80 }, { protocol: UDP }]',
      ),
    ).model.policies[0];
    const [a, b, c] = policy?.ingress ?? [];
    expect(a?.peers).toBeUndefined();
    expect(a?.ports).toBeUndefined();
    expect(b?.peers).toBeUndefined();
    expect(b?.staticConn.isAll).toBe(true);
    expect(c?.peers).toHaveLength(1);
    expect(c?.staticConn.toString()).toBe('TCP 80,UDP 1-65535');
  });

  it('gives every namespace its kubernetes.io/metadata.name label', () => {
    const { model } = analyse(`apiVersion: v1
kind: Namespace
metadata: { name: shop, labels: { team: a } }
${pod('a', 'other')}`);
    expect(model.namespaces.get('shop')?.labels).toEqual({ team: 'a', 'kubernetes.io/metadata.name': 'shop' });
    expect(model.namespaces.get('other')?.labels).toEqual({ 'kubernetes.io/metadata.name': 'other' });
  });

  it('names workloads as netpol-analyzer does', () => {
    const { model } = analyse(`apiVersion: v1
kind: Pod
metadata:
  name: web-7d4b9-x2x
  namespace: shop
  ownerReferences: [{ kind: ReplicaSet, name: web-7d4b9, controller: true }]
spec: { containers: [{ name: w, image: nginx }] }
---
apiVersion: v1
kind: Pod
metadata:
  name: web-7d4b9-q8r
  namespace: shop
  ownerReferences: [{ kind: ReplicaSet, name: web-7d4b9, controller: true }]
spec: { containers: [{ name: w, image: nginx }] }
---
apiVersion: v1
kind: Pod
metadata:
  name: etcd-node1
  namespace: kube-system
  ownerReferences: [{ kind: Node, name: node1, controller: true }]
spec: { containers: [{ name: e, image: etcd }] }
---
apiVersion: v1
kind: Pod
metadata:
  name: p1
  ownerReferences: [{ name: owner-without-kind, controller: true }]
spec: { containers: [{ name: e, image: x }] }
---
apiVersion: v1
kind: Pod
metadata:
  name: p2
  ownerReferences: [{ kind: Job, name: not-controller }]
spec: { containers: [{ name: e, image: x }] }
---
apiVersion: batch/v1
kind: CronJob
metadata: { name: backup, namespace: ops }
spec:
  schedule: "@daily"
  jobTemplate: { spec: { template: { spec: { containers: [{ name: b, image: x }] } } } }
---
apiVersion: v1
kind: PodTemplate
metadata: { name: template }
template: { spec: { containers: [{ name: b, image: x }] } }
---
kind: PodList
apiVersion: v1
items:
  - metadata: { name: listed, namespace: shop }
    spec: { containers: [{ name: l, image: x }] }
`);
    expect(model.peers.map((p) => p.id)).toEqual([
      'shop/web-7d4b9[ReplicaSet]',
      'kube-system/etcd-node1[Pod]',
      'default/owner-without-kind[Pod]',
      'default/p2[Pod]',
      'ops/backup[CronJob]',
      'shop/listed[Pod]',
    ]);
    expect(model.peers[0]?.sources).toHaveLength(2);
  });

  it('groups workloads into classes of identical namespace, labels and named ports', () => {
    const { model } = analyse(
      pod('a', 'shop', { app: 'x' }) +
        pod('b', 'shop', { app: 'x' }) +
        pod('c', 'other', { app: 'x' }) +
        pod('d', 'shop', { app: 'x' }, '[{ name: http, containerPort: 80 }]') +
        pod('e', 'shop', { app: 'x' }, '[{ containerPort: 80 }]'),
    );
    expect(model.classes.map((c) => c.members.map((m) => m.name))).toEqual([['a', 'b', 'e'], ['c'], ['d']]);
  });

  it('reports issues with their paths and keeps invalid parts selecting nothing', () => {
    const { model } = analyse(
      netpol(
        'p',
        'shop',
        'podSelector: {}\ningress:\n  - from:\n      - ipBlock: { cidr: 10.0.0.0/8 }\n        podSelector: {}\n      - podSelector: { matchLabels: { app: web } }',
      ),
    );
    expect(model.issues.map((i) => [i.path.join('/'), i.message])).toEqual([
      ['spec/ingress/0/from/0', 'rule NetworkPolicyPeer error: cannot have both IPBlock and PodSelector/NamespaceSelector set'],
    ]);
    expect(model.policies[0]?.ingress[0]?.peers?.map((p) => p.kind)).toEqual(['invalid', 'pods']);
  });
});

describe('malformed input', () => {
  const shapes = [
    'spec: []',
    'spec: { podSelector: [], ingress: "all" }',
    'spec: { podSelector: { matchLabels: [a] }, egress: [{ to: {} }] }',
    'spec: { podSelector: { matchExpressions: { key: a } }, ingress: [{ from: [null, 3, { ipBlock: "10.0.0.0/8" }] }] }',
    'spec: { podSelector: {}, ingress: [{ ports: { port: 80 } }, { ports: [null, { port: [1] }, { port: 80, endPort: "x" }, { protocol: 7 }] }] }',
    'spec: { podSelector: {}, ingress: [{ from: [{ ipBlock: { cidr: 10.0.0.0/8, except: "10.1.0.0/16" } }, { ipBlock: {} }] }] }',
    'spec: { podSelector: {}, policyTypes: [Both, 3], egress: [{ to: [{ namespaceSelector: null, podSelector: null }] }] }',
    'spec: { podSelector: { matchLabels: { app: { nested: x } } }, ingress: [{ from: [{ podSelector: { matchExpressions: [{ key: a, operator: In, values: { x: 1 } }] } }] }] }',
  ];
  it.each(shapes)('never throws on %s', async (spec) => {
    const { checks } = await import('./testing/all-checks.js');
    const text = `${pod('a', 'ns', { app: 'a' }, '[{ name: http, containerPort: "x" }, null]')}---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: p, namespace: ns }
${spec}
`;
    const analysis = analyse(text);
    expect(() => analysis.connectivity.connections()).not.toThrow();
    expect(() => checks(analysis.connectivity)).not.toThrow();
    // Through the whole scan: every rule runs, none fails with an internal error.
    const result = await scanText(text);
    expect(result.errors).toEqual([]);
    expect(result.findings.some((f) => f.rule === 'netpol/invalid-policy' || f.rule.startsWith('netpol/'))).toBe(true);
  });
});
