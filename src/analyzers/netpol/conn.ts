/**
 * Sets of connections: for each protocol (TCP, UDP, SCTP), a set of port ranges within 1-65535.
 * Values are immutable; the text form is netpol-analyzer's (`All Connections`, `TCP 80,443,UDP 53`).
 */

export const PROTOCOLS = ['TCP', 'UDP', 'SCTP'] as const;
export type Protocol = (typeof PROTOCOLS)[number];

export const MIN_PORT = 1;
export const MAX_PORT = 65535;

/** Sorted, disjoint, non-adjacent inclusive ranges flattened as [start, end, start, end, ...]. */
type Ranges = readonly number[];

const NO_RANGES: Ranges = [];
const ALL_RANGES: Ranges = [MIN_PORT, MAX_PORT];

function unionRanges(a: Ranges, b: Ranges): Ranges {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const pairs: [number, number][] = [];
  for (let i = 0; i < a.length; i += 2) pairs.push([a[i] as number, a[i + 1] as number]);
  for (let i = 0; i < b.length; i += 2) pairs.push([b[i] as number, b[i + 1] as number]);
  pairs.sort((x, y) => x[0] - y[0]);
  const out: number[] = [];
  for (const [start, end] of pairs) {
    const last = out.length - 1;
    if (out.length > 0 && start <= (out[last] as number) + 1) {
      if (end > (out[last] as number)) out[last] = end;
    } else out.push(start, end);
  }
  return out;
}

function intersectRanges(a: Ranges, b: Ranges): Ranges {
  if (a.length === 0 || b.length === 0) return NO_RANGES;
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const start = Math.max(a[i] as number, b[j] as number);
    const end = Math.min(a[i + 1] as number, b[j + 1] as number);
    if (start <= end) out.push(start, end);
    if ((a[i + 1] as number) < (b[j + 1] as number)) i += 2;
    else j += 2;
  }
  return out;
}

function subtractRanges(a: Ranges, b: Ranges): Ranges {
  if (a.length === 0 || b.length === 0) return a;
  const out: number[] = [];
  for (let i = 0; i < a.length; i += 2) {
    let start = a[i] as number;
    const end = a[i + 1] as number;
    for (let j = 0; j < b.length && start <= end; j += 2) {
      const hs = b[j] as number;
      const he = b[j + 1] as number;
      if (he < start || hs > end) continue;
      if (hs > start) out.push(start, hs - 1);
      start = he + 1;
    }
    if (start <= end) out.push(start, end);
  }
  return out;
}

function rangesEqual(a: Ranges, b: Ranges): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function isAllRanges(r: Ranges): boolean {
  return r.length === 2 && r[0] === MIN_PORT && r[1] === MAX_PORT;
}

function formatRanges(r: Ranges): string {
  const parts: string[] = [];
  for (let i = 0; i < r.length; i += 2) {
    const start = r[i] as number;
    const end = r[i + 1] as number;
    parts.push(start === end ? String(start) : `${start}-${end}`);
  }
  return parts.join(',');
}

export class ConnSet {
  readonly tcp: Ranges;
  readonly udp: Ranges;
  readonly sctp: Ranges;
  #text: string | undefined;

  private constructor(tcp: Ranges, udp: Ranges, sctp: Ranges) {
    this.tcp = tcp;
    this.udp = udp;
    this.sctp = sctp;
  }

  static readonly none = new ConnSet(NO_RANGES, NO_RANGES, NO_RANGES);
  static readonly all = new ConnSet(ALL_RANGES, ALL_RANGES, ALL_RANGES);

  /** Ports start..end of one protocol (the whole protocol when start is undefined). */
  static of(protocol: Protocol, start?: number, end?: number): ConnSet {
    const ranges: Ranges = start === undefined ? ALL_RANGES : [start, end ?? start];
    return ConnSet.none.with(protocol, ranges);
  }

  ranges(protocol: Protocol): Ranges {
    return protocol === 'TCP' ? this.tcp : protocol === 'UDP' ? this.udp : this.sctp;
  }

  private with(protocol: Protocol, ranges: Ranges): ConnSet {
    return new ConnSet(
      protocol === 'TCP' ? ranges : this.tcp,
      protocol === 'UDP' ? ranges : this.udp,
      protocol === 'SCTP' ? ranges : this.sctp,
    );
  }

  /** A cheap hash of the ranges: equal sets have equal hashes. */
  get hash(): number {
    let h = 17;
    for (const r of [this.tcp, this.udp, this.sctp]) {
      h = (h * 31 + 7919) | 0;
      for (let i = 0; i < r.length; i++) h = (h * 31 + (r[i] as number)) | 0;
    }
    return h;
  }

  get isEmpty(): boolean {
    return this.tcp.length === 0 && this.udp.length === 0 && this.sctp.length === 0;
  }

  get isAll(): boolean {
    return isAllRanges(this.tcp) && isAllRanges(this.udp) && isAllRanges(this.sctp);
  }

  union(other: ConnSet): ConnSet {
    if (other.isEmpty || this === ConnSet.all) return this;
    if (this.isEmpty || other === ConnSet.all) return other;
    const result = new ConnSet(
      unionRanges(this.tcp, other.tcp),
      unionRanges(this.udp, other.udp),
      unionRanges(this.sctp, other.sctp),
    );
    return result.isAll ? ConnSet.all : result;
  }

  intersect(other: ConnSet): ConnSet {
    if (this === ConnSet.all) return other;
    if (other === ConnSet.all) return this;
    if (this.isEmpty || other.isEmpty) return ConnSet.none;
    const result = new ConnSet(
      intersectRanges(this.tcp, other.tcp),
      intersectRanges(this.udp, other.udp),
      intersectRanges(this.sctp, other.sctp),
    );
    return result.isEmpty ? ConnSet.none : result;
  }

  subtract(other: ConnSet): ConnSet {
    if (other.isEmpty) return this;
    const result = new ConnSet(
      subtractRanges(this.tcp, other.tcp),
      subtractRanges(this.udp, other.udp),
      subtractRanges(this.sctp, other.sctp),
    );
    return result.isEmpty ? ConnSet.none : result;
  }

  equals(other: ConnSet): boolean {
    return rangesEqual(this.tcp, other.tcp) && rangesEqual(this.udp, other.udp) && rangesEqual(this.sctp, other.sctp);
  }

  contains(protocol: Protocol, port: number): boolean {
    const r = this.ranges(protocol);
    for (let i = 0; i < r.length; i += 2) if ((r[i] as number) <= port && port <= (r[i + 1] as number)) return true;
    return false;
  }

  /** Whether every connection of `other` is in this set. */
  covers(other: ConnSet): boolean {
    return other.subtract(this).isEmpty;
  }

  /** `All Connections`, `No Connections`, or protocol groups sorted by name: `SCTP 9003,TCP 80,UDP 53`. */
  toString(): string {
    if (this.#text !== undefined) return this.#text;
    if (this.isAll) this.#text = 'All Connections';
    else if (this.isEmpty) this.#text = 'No Connections';
    else {
      const parts: string[] = [];
      for (const protocol of ['SCTP', 'TCP', 'UDP'] as const) {
        const r = this.ranges(protocol);
        if (r.length > 0) parts.push(`${protocol} ${formatRanges(r)}`);
      }
      this.#text = parts.join(',');
    }
    return this.#text;
  }
}

export function isProtocol(value: string): value is Protocol {
  return (PROTOCOLS as readonly string[]).includes(value);
}

/** Parses `8080/TCP`, `53/udp`, `8080` (TCP) or `8000-8080/TCP`. */
export function parsePortSpec(text: string): { protocol: Protocol; start: number; end: number } | undefined {
  const match = /^(\d{1,5})(?:-(\d{1,5}))?(?:\/([A-Za-z]+))?$/.exec(text.trim());
  if (!match) return undefined;
  const start = Number(match[1]);
  const end = match[2] === undefined ? start : Number(match[2]);
  const protocol = (match[3] ?? 'TCP').toUpperCase();
  if (!isProtocol(protocol) || start < MIN_PORT || end > MAX_PORT || end < start) return undefined;
  return { protocol, start, end };
}
