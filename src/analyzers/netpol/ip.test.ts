import { describe, expect, it } from 'vitest';
import { disjointRanges, formatIp, formatRange, IpSet, parseCidr, parseIp } from './ip.js';

const cidr = (text: string) => {
  const r = parseCidr(text);
  if (typeof r === 'string') throw new Error(r);
  return r;
};

describe('IP ranges', () => {
  it.each([
    ['10.0.0.0/8', '10.0.0.0-10.255.255.255'],
    ['0.0.0.0/0', '0.0.0.0-255.255.255.255'],
    ['192.168.1.7/32', '192.168.1.7-192.168.1.7'],
    ['10.1.2.3/8', '10.0.0.0-10.255.255.255'],
    ['fd00::/8', 'fd00::-fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff'],
    ['::/0', '::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff'],
    ['2001:db8::1/128', '2001:db8::1-2001:db8::1'],
  ])('parses %s', (text, range) => {
    expect(formatRange(cidr(text))).toBe(range);
  });

  it.each(['A', '10.0.0.0', '10.0.0.0/33', '10.0.0.256/8', '010.0.0.0/8', '1:2:3/64', '::1::/64', 'fd00::/129'])(
    'rejects %s',
    (text) => {
      expect(parseCidr(text)).toMatch(/invalid CIDR address/);
    },
  );

  it('parses IPv4-mapped IPv6 and formats with RFC 5952 compression', () => {
    const mapped = parseIp('::ffff:10.0.0.1');
    expect(mapped && formatIp(6, mapped.value)).toBe('::ffff:a00:1');
    const value = parseIp('2001:0db8:0000:0000:0001:0000:0000:0001');
    expect(value && formatIp(6, value.value)).toBe('2001:db8::1:0:0:1');
    expect(parseIp('fd00:ec2::254')?.family).toBe(6);
  });

  it('subtracts except ranges and answers containment', () => {
    const block = IpSet.of([cidr('0.0.0.0/0')]).subtract(IpSet.of([cidr('10.0.0.0/8'), cidr('172.21.0.0/16')]));
    expect(block.ranges.map(formatRange)).toEqual([
      '0.0.0.0-9.255.255.255',
      '11.0.0.0-172.20.255.255',
      '172.22.0.0-255.255.255.255',
    ]);
    expect(block.containsRange(cidr('8.8.8.0/24'))).toBe(true);
    expect(block.containsRange(cidr('10.1.0.0/16'))).toBe(false);
    expect(block.containsRange(cidr('8.0.0.0/6'))).toBe(false);
  });

  it('merges adjacent ranges', () => {
    expect(IpSet.of([cidr('10.0.0.0/9'), cidr('10.128.0.0/9')]).ranges.map(formatRange)).toEqual(['10.0.0.0-10.255.255.255']);
  });

  it('cuts the address space into the coarsest disjoint ranges', () => {
    const a = IpSet.of([cidr('10.0.0.0/8')]).subtract(IpSet.of([cidr('10.1.0.0/16')]));
    const b = IpSet.of([cidr('10.0.0.0/16')]);
    expect(disjointRanges([a, b]).map(formatRange)).toEqual([
      '0.0.0.0-9.255.255.255',
      '10.0.0.0-10.0.255.255',
      '10.1.0.0-10.1.255.255',
      '10.2.0.0-10.255.255.255',
      '11.0.0.0-255.255.255.255',
    ]);
    expect(disjointRanges([]).map(formatRange)).toEqual(['0.0.0.0-255.255.255.255']);
    expect(disjointRanges([IpSet.of([cidr('fd00::/8')])]).map(formatRange)).toEqual([
      '0.0.0.0-255.255.255.255',
      '::-fcff:ffff:ffff:ffff:ffff:ffff:ffff:ffff',
      'fd00::-fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff',
      'fe00::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff',
    ]);
  });
});
