/**
 * IP address ranges for NetworkPolicy `ipBlock` peers: CIDR parsing (IPv4 and IPv6), sets of
 * disjoint ranges, and the text forms used in connectivity output (`10.0.0.0-10.255.255.255`).
 * Addresses are bigints so that both families share one implementation.
 */

export type IpFamily = 4 | 6;

/** An inclusive range of addresses of one family. */
export interface IpRange {
  readonly family: IpFamily;
  readonly start: bigint;
  readonly end: bigint;
}

const MAX: Record<IpFamily, bigint> = { 4: (1n << 32n) - 1n, 6: (1n << 128n) - 1n };
const BITS: Record<IpFamily, bigint> = { 4: 32n, 6: 128n };

export function fullRange(family: IpFamily): IpRange {
  return { family, start: 0n, end: MAX[family] };
}

function parseIpv4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0n;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return undefined;
    // Leading zeros are ambiguous (octal in some parsers); Go and Kubernetes reject them.
    if (part.length > 1 && part.startsWith('0')) return undefined;
    const n = Number(part);
    if (n > 255) return undefined;
    value = (value << 8n) | BigInt(n);
  }
  return value;
}

function parseIpv6(text: string): bigint | undefined {
  if (text.length === 0 || /[^0-9a-fA-F:.]/.test(text)) return undefined;
  let head = text;
  let tailV4: bigint | undefined;
  const lastColon = text.lastIndexOf(':');
  if (text.includes('.', lastColon)) {
    tailV4 = parseIpv4(text.slice(lastColon + 1));
    if (tailV4 === undefined) return undefined;
    head = `${text.slice(0, lastColon + 1)}0:0`;
  }
  const double = head.indexOf('::');
  if (double !== head.lastIndexOf('::')) return undefined;
  let groups: string[];
  if (double === -1) {
    groups = head.split(':');
    if (groups.length !== 8) return undefined;
  } else {
    const left = head.slice(0, double) === '' ? [] : head.slice(0, double).split(':');
    const right = head.slice(double + 2) === '' ? [] : head.slice(double + 2).split(':');
    const missing = 8 - left.length - right.length;
    if (missing < 1) return undefined;
    groups = [...left, ...Array<string>(missing).fill('0'), ...right];
  }
  let value = 0n;
  for (const group of groups) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(group)) return undefined;
    value = (value << 16n) | BigInt(Number.parseInt(group, 16));
  }
  if (tailV4 !== undefined) value = (value & ~0xffffffffn) | tailV4;
  return value;
}

/** Parses an address; undefined when it is not an IPv4 or IPv6 address. */
export function parseIp(text: string): { family: IpFamily; value: bigint } | undefined {
  const trimmed = text.trim();
  if (trimmed.includes(':')) {
    const value = parseIpv6(trimmed);
    return value === undefined ? undefined : { family: 6, value };
  }
  const value = parseIpv4(trimmed);
  return value === undefined ? undefined : { family: 4, value };
}

/**
 * Parses a CIDR (`10.0.0.0/8`, `fd00::/8`). Host bits below the prefix are ignored, as the
 * Kubernetes API server does. Returns an error message for anything else.
 */
export function parseCidr(text: string): IpRange | string {
  const slash = text.indexOf('/');
  if (slash === -1) return `invalid CIDR address: ${text}`;
  const address = parseIp(text.slice(0, slash));
  const prefixText = text.slice(slash + 1);
  if (!address || !/^\d{1,3}$/.test(prefixText)) return `invalid CIDR address: ${text}`;
  const prefix = BigInt(Number(prefixText));
  const bits = BITS[address.family];
  if (prefix > bits) return `invalid CIDR address: ${text}`;
  const hostBits = bits - prefix;
  const hostMask = (1n << hostBits) - 1n;
  const start = address.value & ~hostMask & MAX[address.family];
  return { family: address.family, start, end: start | hostMask };
}

export function formatIp(family: IpFamily, value: bigint): string {
  if (family === 4) {
    return [24n, 16n, 8n, 0n].map((shift) => String((value >> shift) & 0xffn)).join('.');
  }
  const groups: number[] = [];
  for (let shift = 112n; shift >= 0n; shift -= 16n) groups.push(Number((value >> shift) & 0xffffn));
  // RFC 5952: compress the longest run (length >= 2) of zero groups, the first one on ties.
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart === -1) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}

/** `first-last`, the form netpol-analyzer prints for external peers. */
export function formatRange(range: IpRange): string {
  return `${formatIp(range.family, range.start)}-${formatIp(range.family, range.end)}`;
}

export function rangeContains(outer: IpRange, inner: IpRange): boolean {
  return outer.family === inner.family && outer.start <= inner.start && inner.end <= outer.end;
}

export function rangesOverlap(a: IpRange, b: IpRange): boolean {
  return a.family === b.family && a.start <= b.end && b.start <= a.end;
}

/** A set of addresses: sorted, disjoint, non-adjacent ranges (IPv4 before IPv6). */
export class IpSet {
  readonly ranges: readonly IpRange[];

  private constructor(ranges: readonly IpRange[]) {
    this.ranges = ranges;
  }

  static of(ranges: readonly IpRange[]): IpSet {
    const sorted = [...ranges].sort((a, b) =>
      a.family !== b.family ? a.family - b.family : a.start < b.start ? -1 : a.start > b.start ? 1 : 0,
    );
    const out: IpRange[] = [];
    for (const range of sorted) {
      const last = out[out.length - 1];
      if (last && last.family === range.family && range.start <= last.end + 1n) {
        if (range.end > last.end) out[out.length - 1] = { family: last.family, start: last.start, end: range.end };
      } else out.push(range);
    }
    return new IpSet(out);
  }

  static readonly empty = new IpSet([]);

  get isEmpty(): boolean {
    return this.ranges.length === 0;
  }

  /** The addresses of this set that are not in `other`. */
  subtract(other: IpSet): IpSet {
    let current: IpRange[] = [...this.ranges];
    for (const hole of other.ranges) {
      const next: IpRange[] = [];
      for (const range of current) {
        if (!rangesOverlap(range, hole)) {
          next.push(range);
          continue;
        }
        if (range.start < hole.start) next.push({ family: range.family, start: range.start, end: hole.start - 1n });
        if (range.end > hole.end) next.push({ family: range.family, start: hole.end + 1n, end: range.end });
      }
      current = next;
    }
    return new IpSet(current);
  }

  /** Whether every address of `range` is in this set. */
  containsRange(range: IpRange): boolean {
    return this.ranges.some((r) => rangeContains(r, range));
  }

  containsAddress(family: IpFamily, value: bigint): boolean {
    return this.ranges.some((r) => r.family === family && r.start <= value && value <= r.end);
  }

  overlaps(range: IpRange): boolean {
    return this.ranges.some((r) => rangesOverlap(r, range));
  }
}

/**
 * Splits the address space of every family that the given sets mention (IPv4 always) into the
 * coarsest disjoint ranges such that each set is a union of some of them: the external peers of
 * a connectivity map. Ranges are in address order.
 */
export function disjointRanges(sets: readonly IpSet[]): IpRange[] {
  const cuts: Record<IpFamily, Set<bigint>> = { 4: new Set([0n]), 6: new Set() };
  for (const set of sets) {
    for (const range of set.ranges) {
      cuts[range.family].add(range.start);
      if (range.end < MAX[range.family]) cuts[range.family].add(range.end + 1n);
    }
  }
  if (cuts[6].size > 0) cuts[6].add(0n);
  const out: IpRange[] = [];
  for (const family of [4, 6] as const) {
    const starts = [...cuts[family]].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    starts.forEach((start, i) => {
      const next = starts[i + 1];
      out.push({ family, start, end: next === undefined ? MAX[family] : next - 1n });
    });
  }
  return out;
}
