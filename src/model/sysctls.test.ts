import { describe, expect, it } from 'vitest';
import { safeSysctls } from '../pss/checks/sysctls.js';
import { NEWEST_POLICY_MINOR } from '../pss/version.js';
import { isSafeSysctl, sysctlConcern, sysctlNamespace } from './sysctls.js';

describe('sysctls', () => {
  it('knows the safe, namespaced set (dots or slashes)', () => {
    expect(isSafeSysctl('net.ipv4.ip_unprivileged_port_start')).toBe(true);
    expect(isSafeSysctl('net/ipv4/tcp_syncookies')).toBe(true);
    expect(isSafeSysctl('net.ipv4.ip_forward')).toBe(false);
    expect(isSafeSysctl('kernel.msgmax')).toBe(false);
  });

  it('uses the Pod Security Standards list of the newest policy version', () => {
    const pss = safeSysctls(NEWEST_POLICY_MINOR);
    for (const name of pss) expect(isSafeSysctl(name)).toBe(true);
    // Added in policy v1.37: safe for compose and docker run too.
    expect(isSafeSysctl('net.ipv4.tcp_notsent_lowat')).toBe(true);
  });

  it.each([
    ['kernel.sem', 'ipc'],
    ['kernel.shmmax', 'ipc'],
    ['kernel.msgmnb', 'ipc'],
    ['fs.mqueue.msg_max', 'ipc'],
    ['net.core.somaxconn', 'net'],
    ['net/ipv4/ip_forward', 'net'],
    ['kernel.pid_max', undefined],
    ['vm.swappiness', undefined],
    ['fs.file-max', undefined],
  ])('%s is namespaced by %s', (name, namespace) => expect(sysctlNamespace(name)).toBe(namespace));

  it('explains the concern, namespaced or node-level', () => {
    expect(sysctlConcern('net.ipv4.conf.all.route_localnet')).toMatch(/localhost/);
    expect(sysctlConcern('net.ipv4.ip_forward')).toMatch(/router/);
    expect(sysctlConcern('net.core.somaxconn')).toMatch(/network stack/);
    expect(sysctlConcern('kernel.sem')).toMatch(/IPC limits/);
    expect(sysctlConcern('vm.overcommit_memory')).toMatch(/not namespaced.*whole host/);
    expect(sysctlConcern('net.ipv4.tcp_syncookies')).toBeUndefined();
  });

  it('treats a namespace shared with the host as node-level, even for safe names', () => {
    expect(sysctlConcern('net.ipv4.tcp_syncookies', { network: true })).toMatch(/host's network namespace/);
    expect(sysctlConcern('kernel.shm_rmid_forced', { ipc: true })).toMatch(/host's IPC namespace/);
    expect(sysctlConcern('kernel.shm_rmid_forced', { network: true })).toBeUndefined();
  });
});
