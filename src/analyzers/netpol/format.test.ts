import { describe, expect, it } from 'vitest';
import { csvField, formatConnections, sortConnections } from './format.js';
import { analyse, netpol, pod } from './testing/fixtures.js';

describe('list formats', () => {
  const { connectivity, model } = analyse(
    pod('web', 'shop', { app: 'web' }) +
      pod('db', 'data', { app: 'db' }) +
      netpol(
        'db',
        'data',
        'podSelector: {}\ningress:\n  - from: [{ namespaceSelector: {} }]\n    ports: [{ port: 5432 }, { protocol: UDP, port: 53 }]',
      ) +
      netpol('web', 'shop', 'podSelector: {}\npolicyTypes: [Ingress, Egress]\negress:\n  - to: [{ namespaceSelector: {} }]'),
  );
  const connections = connectivity.connections();

  it('writes txt, json, csv and md with the same records', () => {
    expect(formatConnections('txt', connections)).toBe(
      [
        'data/db[Pod] => 0.0.0.0-255.255.255.255[External] : All Connections',
        'shop/web[Pod] => data/db[Pod] : TCP 5432,UDP 53',
      ].join('\n'),
    );
    expect(JSON.parse(formatConnections('json', connections))).toEqual([
      { src: 'data/db[Pod]', dst: '0.0.0.0-255.255.255.255[External]', conn: 'All Connections' },
      { src: 'shop/web[Pod]', dst: 'data/db[Pod]', conn: 'TCP 5432,UDP 53' },
    ]);
    expect(formatConnections('csv', connections).split('\n')).toEqual([
      'src,dst,conn',
      'data/db[Pod],0.0.0.0-255.255.255.255[External],All Connections',
      'shop/web[Pod],data/db[Pod],"TCP 5432,UDP 53"',
    ]);
    expect(formatConnections('md', connections).split('\n')[2]).toBe(
      '| data/db[Pod] | 0.0.0.0-255.255.255.255[External] | All Connections |',
    );
  });

  it('draws a dot graph with a cluster per namespace, listing workloads without connections too', () => {
    const dot = formatConnections('dot', connections, model.peers);
    expect(dot).toContain('subgraph "cluster_shop[namespace]" {');
    expect(dot).toContain('"shop/web[Pod]" [label="web[Pod]" color="blue" fontcolor="blue"]');
    expect(dot).toContain(
      '"shop/web[Pod]" -> "data/db[Pod]" [label="TCP 5432,UDP 53" color="gold2" fontcolor="darkgreen" weight=1]',
    );
    expect(dot.startsWith('digraph {')).toBe(true);
    expect(dot.endsWith('}')).toBe(true);
    const empty = formatConnections('dot', [], model.peers);
    expect(empty).toContain('"data/db[Pod]" [label="db[Pod]"');
  });

  it('sorts by source then destination in byte order, as netpol-analyzer does', () => {
    const { connectivity: c } = analyse(
      pod('a-b', 'ns', { app: 'x' }) + pod('a', 'ns', { app: 'y' }) + pod('B', 'ns', { app: 'z' }) + pod('a', 'mm', { app: 'w' }),
    );
    const order = sortConnections(c.connections()).map((x) => `${x.src.id} ${x.dst.id}`);
    const expected = c
      .connections()
      .map((x) => `${x.src.id} ${x.dst.id}`)
      .sort((p, q) => {
        const [ps, pd] = p.split(' ') as [string, string];
        const [qs, qd] = q.split(' ') as [string, string];
        return ps < qs ? -1 : ps > qs ? 1 : pd < qd ? -1 : pd > qd ? 1 : 0;
      });
    expect(order).toEqual(expected);
    // '-' sorts before '[', and capitals before lower case.
    expect(order.indexOf('ns/a-b[Pod] ns/B[Pod]')).toBeLessThan(order.indexOf('ns/a[Pod] ns/B[Pod]'));
    expect(order[0]?.startsWith('0.0.0.0-255.255.255.255[External] mm/a[Pod]')).toBe(true);
  });

  it('quotes CSV fields as Go does', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "x"')).toBe('"say ""x"""');
    expect(csvField('plain')).toBe('plain');
    expect(csvField('')).toBe('');
  });
});
