import { describe, expect, it } from 'vitest';
import { pathsOf, runCheck } from '../../testing/pss.js';
import { safeSysctls, sysctls } from './sysctls.js';

const pod = (...names: string[]) => ({ spec: { securityContext: { sysctls: names.map((name) => ({ name, value: '1' })) } } });

describe('sysctls', () => {
  it('lists forbidden sysctls in order, each at its name', () => {
    const failure = runCheck(sysctls, pod('kernel.shm_rmid_forced', 'b.other', 'a.other'), 0);
    expect(failure?.reason).toBe('forbidden sysctls');
    expect(failure?.detail).toBe('b.other, a.other');
    expect(pathsOf(failure)).toEqual(['spec.securityContext.sysctls.1.name', 'spec.securityContext.sysctls.2.name']);
  });

  it.each([
    ['net.ipv4.ip_local_reserved_ports', 27],
    ['net.ipv4.tcp_keepalive_time', 29],
    ['net.ipv4.tcp_fin_timeout', 29],
    ['net.ipv4.tcp_keepalive_intvl', 29],
    ['net.ipv4.tcp_keepalive_probes', 29],
    ['net.ipv4.tcp_rmem', 32],
    ['net.ipv4.tcp_wmem', 32],
    ['net.ipv4.tcp_slow_start_after_idle', 37],
    ['net.ipv4.tcp_notsent_lowat', 37],
  ])('%s is safe from v1.%i', (name, since) => {
    expect(runCheck(sysctls, pod(name), since - 1)).toBeDefined();
    expect(runCheck(sysctls, pod(name), since)).toBeUndefined();
  });

  it('the safe set only grows', () => {
    for (let minor = 1; minor <= 37; minor++) {
      for (const name of safeSysctls(minor - 1)) expect(safeSysctls(minor).has(name)).toBe(true);
    }
  });
});
