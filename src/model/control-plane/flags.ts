/**
 * Command lines of Kubernetes components, parsed the way spf13/pflag parses them: `--name=value`,
 * `--name value` (not for boolean flags, which take no separate value), bare boolean flags,
 * repeated flags (the last one wins for scalars, slices append, maps merge) and comma lists.
 * Every occurrence keeps where it was written so that a finding points at the flag itself.
 */
import type { OffsetRange, SourceText } from '../../core/source.js';
import { lookupTable } from '../../core/table.js';
import type { Locatable } from '../../rules/types.js';
import type { Path } from '../../sources/yaml.js';

/** Where a setting is written: a path inside a located document, or a range in a source text. */
export interface Where {
  on: Locatable;
  path?: Path;
  range?: OffsetRange;
  source?: SourceText;
}

/** One argument of a command line, with where it is written. */
export interface Arg {
  text: string;
  at: Where;
}

export interface FlagOccurrence {
  /** Name without dashes (`anonymous-auth`). */
  name: string;
  /** The value; `undefined` for a bare flag (`--profiling`), which a boolean flag reads as true. */
  value: string | undefined;
  at: Where;
  /**
   * A bare boolean flag followed by a separate word that looks like a boolean (`--profiling false`):
   * pflag does not read it as the value, so the flag is on and the word is a stray argument.
   */
  strayValue?: string | undefined;
  /** Where the value came from when not from the command line (`ETCD_CLIENT_CERT_AUTH`). */
  via?: string;
  /** Set by a tool's default (kubeadm writes it), not by the user; points at the section. */
  implicit?: boolean;
}

/**
 * Boolean flags of the control-plane components and the kubelet. pflag gives them no separate
 * value: `--anonymous-auth false` leaves the flag true and "false" as a positional argument.
 */
export const BOOLEAN_FLAGS = new Set([
  'allow-privileged',
  'alsologtostderr',
  'anonymous-auth',
  'authentication-token-webhook',
  'auto-tls',
  'cgroups-per-qos',
  'client-cert-auth',
  'contention-profiling',
  'enable-aggregator-routing',
  'enable-bootstrap-token-auth',
  'enable-controller-attach-detach',
  'enable-debugging-handlers',
  'enable-garbage-collector',
  'enable-grpc-gateway',
  'enable-hostpath-provisioner',
  'enable-logs-handler',
  'enable-pprof',
  'enable-priority-and-fairness',
  'enable-server',
  'enable-v2',
  'encryption-provider-config-automatic-reload',
  'exit-on-lock-contention',
  'experimental-initial-corrupt-check',
  'fail-swap-on',
  'kubelet-https',
  'leader-elect',
  'logtostderr',
  'make-iptables-util-chains',
  'peer-auto-tls',
  'peer-client-cert-auth',
  'profiling',
  'protect-kernel-defaults',
  'register-node',
  'rotate-certificates',
  'rotate-server-certificates',
  'seccomp-default',
  'serialize-image-pulls',
  'service-account-extend-token-expiration',
  'service-account-lookup',
  'strict-reconfig-check',
  'use-service-account-credentials',
  'allocate-node-cidrs',
  'v2-deprecation',
]);

const BOOL_WORD = /^(1|t|T|TRUE|true|True|0|f|F|FALSE|false|False)$/;

/** strconv.ParseBool: the spellings Go accepts, or undefined. */
export function parseGoBool(text: string): boolean | undefined {
  switch (text) {
    case '1':
    case 't':
    case 'T':
    case 'TRUE':
    case 'true':
    case 'True':
      return true;
    case '0':
    case 'f':
    case 'F':
    case 'FALSE':
    case 'false':
    case 'False':
      return false;
    default:
      return undefined;
  }
}

/** Parses arguments (without the program name) into flag occurrences, in order. */
export function parseArgs(args: readonly Arg[]): FlagOccurrence[] {
  const out: FlagOccurrence[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as Arg;
    const text = arg.text;
    if (text === '--') break;
    if (!text.startsWith('-') || text === '-') continue;
    const body = text.replace(/^--?/, '');
    if (body === '') continue;
    const eq = body.indexOf('=');
    if (eq !== -1) {
      out.push({ name: body.slice(0, eq), value: body.slice(eq + 1), at: arg.at });
      continue;
    }
    const name = body;
    const next = args[i + 1];
    if (BOOLEAN_FLAGS.has(name)) {
      const occurrence: FlagOccurrence = { name, value: undefined, at: arg.at };
      if (next && BOOL_WORD.test(next.text)) occurrence.strayValue = next.text;
      out.push(occurrence);
      continue;
    }
    if (next && !next.text.startsWith('-')) {
      out.push({ name, value: next.text, at: arg.at });
      i++;
      continue;
    }
    out.push({ name, value: undefined, at: arg.at });
  }
  return out;
}

/** Splits a comma list as pflag's string slices do (a CSV line), dropping empty items. */
export function splitList(value: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '"') {
      if (quoted && value[i + 1] === '"') {
        current += '"';
        i++;
      } else quoted = !quoted;
    } else if (c === ',' && !quoted) {
      out.push(current);
      current = '';
    } else current += c;
  }
  out.push(current);
  return out.map((s) => s.trim()).filter((s) => s !== '');
}

/** The flags of one running component, with the component's own flag semantics. */
export class FlagSet {
  readonly occurrences: readonly FlagOccurrence[];

  constructor(occurrences: readonly FlagOccurrence[]) {
    this.occurrences = occurrences;
  }

  has(name: string): boolean {
    return this.occurrences.some((o) => o.name === name);
  }

  all(name: string): FlagOccurrence[] {
    return this.occurrences.filter((o) => o.name === name);
  }

  /** The occurrence that takes effect for a scalar flag: the last one. */
  last(name: string): FlagOccurrence | undefined {
    for (let i = this.occurrences.length - 1; i >= 0; i--) {
      const o = this.occurrences[i] as FlagOccurrence;
      if (o.name === name) return o;
    }
    return undefined;
  }

  /** A scalar flag's value (a bare flag reads as `true`). */
  value(name: string): string | undefined {
    const o = this.last(name);
    if (!o) return undefined;
    return o.value ?? 'true';
  }

  /** A boolean flag's value: true, false, or undefined when unset or unparsable. */
  bool(name: string): boolean | undefined {
    const o = this.last(name);
    if (!o) return undefined;
    if (o.value === undefined) return true;
    return parseGoBool(o.value);
  }

  /**
   * A string-slice flag: every occurrence's comma list, appended in order (pflag's StringSlice:
   * the first occurrence replaces the default, later ones append).
   */
  list(name: string): string[] {
    return this.all(name).flatMap((o) => splitList(o.value ?? ''));
  }

  /** The occurrence of a slice flag that contains an item, for pointing at it. */
  occurrenceWith(name: string, item: string): FlagOccurrence | undefined {
    return this.all(name).find((o) => splitList(o.value ?? '').includes(item));
  }

  /** A `key=bool` map flag (`--feature-gates`): occurrences merge, later keys win. */
  boolMap(name: string): Map<string, { value: boolean | undefined; at: FlagOccurrence }> {
    const out = new Map<string, { value: boolean | undefined; at: FlagOccurrence }>();
    for (const o of this.all(name)) {
      for (const item of splitList(o.value ?? '')) {
        const eq = item.indexOf('=');
        const key = (eq === -1 ? item : item.slice(0, eq)).trim();
        const raw = eq === -1 ? '' : item.slice(eq + 1).trim();
        out.set(key, { value: parseGoBool(raw), at: o });
      }
    }
    return out;
  }

  /** A Go duration or integer flag in seconds, or undefined when unset or unparsable. */
  durationSeconds(name: string): number | undefined {
    const value = this.value(name);
    return value === undefined ? undefined : parseGoDuration(value);
  }

  integer(name: string): number | undefined {
    const value = this.value(name);
    if (value === undefined || !/^-?\d+$/.test(value.trim())) return undefined;
    return Number(value.trim());
  }
}

const DURATION_UNITS: Readonly<Record<string, number>> = lookupTable({
  ns: 1e-9,
  us: 1e-6,
  µs: 1e-6,
  μs: 1e-6,
  ms: 1e-3,
  s: 1,
  m: 60,
  h: 3600,
});

/** time.ParseDuration, in seconds (`4h0m0s`, `5m`, `0`, `1.5h`); undefined when invalid. */
export function parseGoDuration(text: string): number | undefined {
  const s = text.trim();
  if (s === '0' || s === '+0' || s === '-0') return 0;
  const match = /^([-+]?)((?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+$/.exec(s);
  if (!match) return undefined;
  const sign = match[1] === '-' ? -1 : 1;
  let total = 0;
  const parts = s.replace(/^[-+]/, '').matchAll(/(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/g);
  for (const part of parts) total += Number(part[1]) * (DURATION_UNITS[part[2] as string] ?? 0);
  return sign * total;
}

/** `1.34` >= `1.26` for Kubernetes minor versions (`1.N`, optionally with a `v` and a patch). */
export function versionAtLeast(version: string, minimum: string): boolean {
  const parse = (v: string) =>
    v
      .replace(/^v/, '')
      .split('.')
      .map((n) => Number.parseInt(n, 10) || 0);
  const [a0 = 0, a1 = 0] = parse(version);
  const [b0 = 0, b1 = 0] = parse(minimum);
  return a0 !== b0 ? a0 > b0 : a1 >= b1;
}
