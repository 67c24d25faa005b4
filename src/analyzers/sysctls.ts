/**
 * Kernel parameters set for a container (`sysctls`, `--sysctl`). The safe set is the one
 * Kubernetes allows without opt-in: namespaced parameters that cannot affect other containers or
 * the host. Anything else is unsafe: it changes shared kernel behaviour (`kernel.*` IPC limits
 * sized for the host) or weakens the network isolation (`net.ipv4.ip_forward`,
 * `net.ipv4.conf.*.route_localnet`).
 *
 * NOTE for the integrator: the Kubernetes rules may carry the same list; it can be shared.
 */

export const SAFE_SYSCTLS = new Set([
  'kernel.shm_rmid_forced',
  'net.ipv4.ip_local_port_range',
  'net.ipv4.ip_unprivileged_port_start',
  'net.ipv4.tcp_syncookies',
  'net.ipv4.ping_group_range',
  'net.ipv4.ip_local_reserved_ports',
  'net.ipv4.tcp_keepalive_time',
  'net.ipv4.tcp_fin_timeout',
  'net.ipv4.tcp_keepalive_intvl',
  'net.ipv4.tcp_keepalive_probes',
  'net.ipv4.tcp_rmem',
  'net.ipv4.tcp_wmem',
]);

/** `net/ipv4/ip_forward` -> `net.ipv4.ip_forward`. */
export function normaliseSysctl(name: string): string {
  return name.trim().replace(/\//g, '.');
}

export function isSafeSysctl(name: string): boolean {
  return SAFE_SYSCTLS.has(normaliseSysctl(name));
}

/** Why an unsafe sysctl matters, for messages. */
export function sysctlConcern(name: string): string {
  const n = normaliseSysctl(name);
  if (
    /^net\.ipv4\.(ip_forward|conf\.[^.]+\.(forwarding|route_localnet|accept_redirects|send_redirects|accept_source_route))$/.test(
      n,
    )
  ) {
    return 'it turns the container into a router or reaches services bound to localhost';
  }
  if (/^net\./.test(n)) return 'it changes the network stack outside the safe set';
  if (/^kernel\./.test(n)) return 'it changes kernel behaviour shared with the host';
  return 'it is outside the safe, namespaced set';
}
