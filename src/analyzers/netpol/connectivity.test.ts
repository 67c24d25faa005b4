import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAnalysis } from '../../cli/commands/netpol.js';
import type { Io } from '../../cli/io.js';
import { ConnSet } from './conn.js';
import type { Connectivity } from './connectivity.js';
import { type ExplainPeer, explainConnection } from './explain.js';
import type { WorkloadPeer } from './model.js';
import { analyse, list, netpol, pod } from './testing/fixtures.js';

const two = pod('a', 'ns', { app: 'a' }) + pod('b', 'ns', { app: 'b' });

describe('connectivity', () => {
  it('with no policies, every workload reaches every other and the outside', () => {
    expect(list(two)).toEqual([
      '0.0.0.0-255.255.255.255[External] => ns/a[Pod] : All Connections',
      '0.0.0.0-255.255.255.255[External] => ns/b[Pod] : All Connections',
      'ns/a[Pod] => 0.0.0.0-255.255.255.255[External] : All Connections',
      'ns/a[Pod] => ns/b[Pod] : All Connections',
      'ns/b[Pod] => 0.0.0.0-255.255.255.255[External] : All Connections',
      'ns/b[Pod] => ns/a[Pod] : All Connections',
    ]);
  });

  it('without workloads there is no map at all', () => {
    expect(list(netpol('p', 'ns', 'podSelector: {}'))).toEqual([]);
  });

  it('isolates per direction: an ingress policy leaves egress open', () => {
    expect(list(two + netpol('p', 'ns', 'podSelector: { matchLabels: { app: a } }\ningress: []'))).toEqual([
      '0.0.0.0-255.255.255.255[External] => ns/b[Pod] : All Connections',
      'ns/a[Pod] => 0.0.0.0-255.255.255.255[External] : All Connections',
      'ns/a[Pod] => ns/b[Pod] : All Connections',
      'ns/b[Pod] => 0.0.0.0-255.255.255.255[External] : All Connections',
    ]);
  });

  it('intersects the egress side of the source with the ingress side of the destination', () => {
    const text =
      two +
      netpol(
        'egress',
        'ns',
        'podSelector: { matchLabels: { app: a } }\npolicyTypes: [Egress]\negress:\n  - ports: [{ port: 80 }, { port: 443 }]',
      ) +
      netpol('ingress', 'ns', 'podSelector: { matchLabels: { app: b } }\ningress:\n  - ports: [{ port: 443 }, { port: 8443 }]');
    expect(list(text)).toEqual([
      '0.0.0.0-255.255.255.255[External] => ns/a[Pod] : All Connections',
      '0.0.0.0-255.255.255.255[External] => ns/b[Pod] : TCP 443,8443',
      'ns/a[Pod] => 0.0.0.0-255.255.255.255[External] : TCP 80,443',
      'ns/a[Pod] => ns/b[Pod] : TCP 443',
      'ns/b[Pod] => 0.0.0.0-255.255.255.255[External] : All Connections',
      'ns/b[Pod] => ns/a[Pod] : All Connections',
    ]);
  });

  it('unions the policies that select a pod, and the rules of a policy', () => {
    const text =
      two +
      netpol(
        'one',
        'ns',
        'podSelector: { matchLabels: { app: b } }\ningress:\n  - from: [{ podSelector: { matchLabels: { app: a } } }]\n    ports: [{ port: 80 }]',
      ) +
      netpol(
        'two',
        'ns',
        'podSelector: {}\ningress:\n  - from: [{ podSelector: { matchLabels: { app: a } } }]\n    ports: [{ protocol: UDP, port: 53 }]\n  - from: [{ podSelector: { matchLabels: { app: a } } }]\n    ports: [{ protocol: SCTP, port: 9000, endPort: 9010 }]',
      );
    expect(list(text).filter((l) => l.startsWith('ns/a[Pod] => ns/b'))).toEqual([
      'ns/a[Pod] => ns/b[Pod] : SCTP 9000-9010,TCP 80,UDP 53',
    ]);
  });

  it('resolves named ports per destination pod, on the protocol of the rule', () => {
    const text =
      pod('client', 'ns', { app: 'client' }) +
      pod('px', 'ns', { app: 'x' }, '[{ name: http, containerPort: 8080 }]') +
      pod('py', 'ns', { app: 'y' }, '[{ name: http, containerPort: 9090 }]') +
      pod('pz', 'ns', { app: 'z' }, '[{ name: http, containerPort: 7070, protocol: UDP }]') +
      netpol(
        'p',
        'ns',
        'podSelector: { matchLabels: { app: client } }\npolicyTypes: [Egress]\negress:\n  - ports: [{ port: http }]',
      );
    const fromClient = list(text).filter((l) => l.startsWith('ns/client'));
    expect(fromClient).toEqual(['ns/client[Pod] => ns/px[Pod] : TCP 8080', 'ns/client[Pod] => ns/py[Pod] : TCP 9090']);
  });

  it('cuts external addresses at the ipBlocks of the rules, per direction', () => {
    const text =
      pod('a', 'ns', { app: 'a' }) +
      netpol(
        'p',
        'ns',
        'podSelector: {}\npolicyTypes: [Ingress, Egress]\ningress:\n  - from: [{ ipBlock: { cidr: 10.0.0.0/8, except: [10.1.0.0/16] } }]\negress:\n  - to: [{ ipBlock: { cidr: 192.168.0.0/16 } }]\n    ports: [{ port: 443 }]',
      );
    expect(list(text)).toEqual([
      '10.0.0.0-10.0.255.255[External] => ns/a[Pod] : All Connections',
      '10.2.0.0-10.255.255.255[External] => ns/a[Pod] : All Connections',
      'ns/a[Pod] => 192.168.0.0-192.168.255.255[External] : TCP 443',
    ]);
  });

  it('treats pods of other namespaces by the namespace selector, and ipBlocks never as pods', () => {
    const text =
      pod('a', 'ns', { app: 'a' }) +
      pod('b', 'other', { app: 'b' }) +
      netpol('p', 'ns', 'podSelector: {}\ningress:\n  - from: [{ ipBlock: { cidr: 0.0.0.0/0 } }]');
    expect(list(text).filter((l) => l.includes('=> ns/a'))).toEqual([
      '0.0.0.0-255.255.255.255[External] => ns/a[Pod] : All Connections',
    ]);
  });
});

/** Pairwise, by explain (rule by rule), versus the class-level map. */
function checkAgainstExplain(connectivity: Connectivity): number {
  const peers = connectivity.model.peers;
  const asPeer = (peer: WorkloadPeer): ExplainPeer => ({ type: 'workload', id: peer.id, peer });
  const map = new Map<string, string>();
  for (const c of connectivity.connections()) map.set(`${c.src.id} ${c.dst.id}`, c.conn.toString());
  let checked = 0;
  for (const src of peers) {
    for (const dst of peers) {
      if (src === dst) continue;
      const conn = explainConnection(connectivity, asPeer(src), asPeer(dst)).conn;
      expect(map.get(`${src.id} ${dst.id}`) ?? ConnSet.none.toString(), `${src.id} -> ${dst.id}`).toBe(conn.toString());
      checked++;
    }
    for (const ip of connectivity.dstIps) {
      const conn = explainConnection(connectivity, asPeer(src), { type: 'ip', id: ip.id, range: ip.range }).conn;
      expect(map.get(`${src.id} ${ip.id}`) ?? 'No Connections', `${src.id} -> ${ip.id}`).toBe(conn.toString());
      checked++;
    }
  }
  for (const ip of connectivity.srcIps) {
    for (const dst of peers) {
      const conn = explainConnection(connectivity, { type: 'ip', id: ip.id, range: ip.range }, asPeer(dst)).conn;
      expect(map.get(`${ip.id} ${dst.id}`) ?? 'No Connections', `${ip.id} -> ${dst.id}`).toBe(conn.toString());
      checked++;
    }
  }
  return checked;
}

const testsDir = join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'conformance', 'netpol-analyzer', 'tests');
const io: Io = {
  stdout: { write: () => true },
  stderr: { write: () => true },
  stdin: (async function* () {})(),
  env: {},
  cwd: process.cwd(),
};

describe('the map agrees with explain, pair by pair', () => {
  it('on a fixture with every kind of rule', () => {
    const text =
      pod('client', 'ns', { app: 'client' }) +
      pod('px', 'ns', { app: 'x' }, '[{ name: http, containerPort: 8080 }]') +
      pod('py', 'other', { app: 'y' }, '[{ name: http, containerPort: 9090 }]') +
      netpol(
        'p',
        'ns',
        'podSelector: { matchLabels: { app: client } }\npolicyTypes: [Egress]\negress:\n  - ports: [{ port: http }]\n  - to: [{ ipBlock: { cidr: 10.0.0.0/8 } }]',
      ) +
      netpol(
        'q',
        'other',
        'podSelector: {}\ningress:\n  - from: [{ namespaceSelector: { matchLabels: { kubernetes.io/metadata.name: ns } }, podSelector: { matchExpressions: [{ key: app, operator: NotIn, values: [x] }] } }]\n  - from: [{ ipBlock: { cidr: 0.0.0.0/0, except: [10.0.0.0/8] } }]\n    ports: [{ port: 443 }]',
      );
    expect(checkAgainstExplain(analyse(text).connectivity)).toBeGreaterThan(0);
  });

  const cases = [
    'onlineboutique_workloads',
    'test_with_named_ports',
    'ipblockstest',
    'with_end_port_example',
    'semanticDiff-different-topologies-policy-a-with-ipblock',
  ];
  for (const name of cases) {
    it.skipIf(!existsSync(join(testsDir, name)))(
      `on netpol-analyzer's ${name}`,
      async () => {
        expect(readdirSync(join(testsDir, name)).length).toBeGreaterThan(0);
        const { analysis } = await loadAnalysis([join(testsDir, name)], io, []);
        expect(checkAgainstExplain(analysis.connectivity)).toBeGreaterThan(10);
      },
      120_000,
    );
  }
});
