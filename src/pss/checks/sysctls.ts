/**
 * Baseline "Sysctls": only namespaced sysctls that are isolated from other pods on the node may be
 * set. The safe set grows with the policy version.
 */
import { asArray, asObject } from '../../model/k8s.js';
import { str } from '../pod.js';
import type { Check, CheckFn, ViolationField } from '../types.js';

/** Each policy version that widened the safe set, with the sysctls it added. */
export const SAFE_SYSCTL_ADDITIONS: readonly { since: number; names: readonly string[] }[] = [
  {
    since: 0,
    names: [
      'kernel.shm_rmid_forced',
      'net.ipv4.ip_local_port_range',
      'net.ipv4.tcp_syncookies',
      'net.ipv4.ping_group_range',
      'net.ipv4.ip_unprivileged_port_start',
    ],
  },
  { since: 27, names: ['net.ipv4.ip_local_reserved_ports'] },
  {
    since: 29,
    names: [
      'net.ipv4.tcp_keepalive_time',
      'net.ipv4.tcp_fin_timeout',
      'net.ipv4.tcp_keepalive_intvl',
      'net.ipv4.tcp_keepalive_probes',
    ],
  },
  { since: 32, names: ['net.ipv4.tcp_rmem', 'net.ipv4.tcp_wmem'] },
  { since: 37, names: ['net.ipv4.tcp_slow_start_after_idle', 'net.ipv4.tcp_notsent_lowat'] },
];

/** The safe sysctls at a policy minor version. */
export function safeSysctls(minor: number): Set<string> {
  return new Set(SAFE_SYSCTL_ADDITIONS.filter((a) => a.since <= minor).flatMap((a) => a.names));
}

function sysctlCheck(allowed: ReadonlySet<string>): CheckFn {
  return (pod) => {
    const fields: ViolationField[] = [];
    asArray(pod.securityContext?.sysctls).forEach((entry, index) => {
      const sysctl = asObject(entry);
      if (!sysctl) return;
      const name = str(sysctl.name) ?? '';
      if (allowed.has(name)) return;
      fields.push({
        path: ['spec', 'securityContext', 'sysctls', index, 'name'],
        subject: 'pod',
        field: 'securityContext.sysctls[].name',
        value: name,
      });
    });
    if (fields.length === 0) return undefined;
    return { reason: 'forbidden sysctls', detail: fields.map((f) => String(f.value)).join(', '), fields };
  };
}

export const sysctls: Check = {
  id: 'sysctls',
  level: 'baseline',
  control: 'Sysctls',
  versions: SAFE_SYSCTL_ADDITIONS.map((a) => ({ since: a.since, evaluate: sysctlCheck(safeSysctls(a.since)) })),
};
