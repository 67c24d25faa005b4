import { describe, expect, it } from 'vitest';
import { ConnSet, parsePortSpec } from './conn.js';

describe('connection sets', () => {
  it('prints netpol-analyzer text', () => {
    expect(ConnSet.all.toString()).toBe('All Connections');
    expect(ConnSet.none.toString()).toBe('No Connections');
    const set = ConnSet.of('UDP', 53).union(ConnSet.of('TCP', 80)).union(ConnSet.of('TCP', 443)).union(ConnSet.of('SCTP', 9003));
    expect(set.toString()).toBe('SCTP 9003,TCP 80,443,UDP 53');
    expect(ConnSet.of('TCP').toString()).toBe('TCP 1-65535');
    expect(ConnSet.of('TCP', 10053, 10054).union(ConnSet.of('UDP', 10053)).toString()).toBe('TCP 10053-10054,UDP 10053');
  });

  it('is All Connections only when every protocol is whole', () => {
    const tcpUdp = ConnSet.of('TCP').union(ConnSet.of('UDP'));
    expect(tcpUdp.isAll).toBe(false);
    expect(tcpUdp.union(ConnSet.of('SCTP'))).toBe(ConnSet.all);
  });

  it('merges adjacent and overlapping ranges', () => {
    const set = ConnSet.of('TCP', 1, 10)
      .union(ConnSet.of('TCP', 11, 20))
      .union(ConnSet.of('TCP', 15, 30))
      .union(ConnSet.of('TCP', 40));
    expect(set.toString()).toBe('TCP 1-30,40');
  });

  it('intersects, subtracts and compares', () => {
    const a = ConnSet.of('TCP', 1, 100).union(ConnSet.of('UDP', 53));
    const b = ConnSet.of('TCP', 50, 200);
    expect(a.intersect(b).toString()).toBe('TCP 50-100');
    expect(a.intersect(ConnSet.all)).toBe(a);
    expect(a.intersect(ConnSet.of('SCTP')).isEmpty).toBe(true);
    expect(ConnSet.all.subtract(ConnSet.of('TCP', 80)).toString()).toBe('SCTP 1-65535,TCP 1-79,81-65535,UDP 1-65535');
    expect(a.covers(ConnSet.of('TCP', 10, 20))).toBe(true);
    expect(a.covers(b)).toBe(false);
    expect(a.equals(ConnSet.of('UDP', 53).union(ConnSet.of('TCP', 1, 100)))).toBe(true);
    expect(a.contains('UDP', 53)).toBe(true);
    expect(a.contains('UDP', 54)).toBe(false);
    expect(a.hash).toBe(ConnSet.of('UDP', 53).union(ConnSet.of('TCP', 1, 100)).hash);
    expect(a.hash).not.toBe(ConnSet.of('TCP', 53).union(ConnSet.of('UDP', 1, 100)).hash);
  });

  it.each([
    ['8080/TCP', { protocol: 'TCP', start: 8080, end: 8080 }],
    ['53/udp', { protocol: 'UDP', start: 53, end: 53 }],
    ['443', { protocol: 'TCP', start: 443, end: 443 }],
    ['8000-8100/SCTP', { protocol: 'SCTP', start: 8000, end: 8100 }],
  ])('parses port %s', (text, spec) => {
    expect(parsePortSpec(text)).toEqual(spec);
  });

  it.each(['0/TCP', '70000', '80/HTTP', '90-80', 'http'])('rejects port %s', (text) => {
    expect(parsePortSpec(text)).toBeUndefined();
  });
});
