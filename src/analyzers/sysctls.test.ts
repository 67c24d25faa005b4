import { describe, expect, it } from 'vitest';
import { isSafeSysctl, sysctlConcern } from './sysctls.js';

describe('sysctls', () => {
  it('knows the safe, namespaced set (dots or slashes)', () => {
    expect(isSafeSysctl('net.ipv4.ip_unprivileged_port_start')).toBe(true);
    expect(isSafeSysctl('net/ipv4/tcp_syncookies')).toBe(true);
    expect(isSafeSysctl('net.ipv4.ip_forward')).toBe(false);
    expect(isSafeSysctl('kernel.msgmax')).toBe(false);
  });
  it('explains the concern', () => {
    expect(sysctlConcern('net.ipv4.conf.all.route_localnet')).toMatch(/localhost/);
    expect(sysctlConcern('kernel.sem')).toMatch(/kernel/);
  });
});
