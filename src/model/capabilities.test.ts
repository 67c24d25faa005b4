import { describe, expect, it } from 'vitest';
import {
  capabilityInfo,
  describeAddedCapability,
  grantedAdds,
  includesAll,
  normaliseCapability,
  RUNTIME_DEFAULT_CAPABILITIES,
} from './capabilities.js';

describe('capabilities', () => {
  it.each([
    ['SYS_ADMIN', 'SYS_ADMIN'],
    ['cap_sys_admin', 'SYS_ADMIN'],
    [' CAP_NET_RAW ', 'NET_RAW'],
    ['CAP_NET_ADMIN', 'NET_ADMIN'],
    [' sys_ptrace ', 'SYS_PTRACE'],
    ['all', 'ALL'],
  ])('normalises %s as the runtimes do', (raw, name) => expect(normaliseCapability(raw)).toBe(name));

  it('grades the capabilities that lead to the node highest', () => {
    expect(capabilityInfo('ALL')?.severity).toBe('critical');
    expect(capabilityInfo('sys_module')?.severity).toBe('critical');
    expect(capabilityInfo('CAP_SYS_PTRACE')?.severity).toBe('high');
    expect(capabilityInfo('NET_RAW')?.severity).toBe('medium');
    expect(capabilityInfo('NET_BIND_SERVICE')?.severity).toBeUndefined();
    expect(capabilityInfo('NOT_A_CAPABILITY')).toBeUndefined();
  });

  // One grade per capability for Kubernetes, compose and docker run.
  it.each([
    ['ALL', 'critical'],
    ['SYS_ADMIN', 'critical'],
    ['SYS_MODULE', 'critical'],
    ['DAC_READ_SEARCH', 'critical'],
    ['SYS_PTRACE', 'high'],
    ['SYS_RAWIO', 'high'],
    ['BPF', 'high'],
    ['NET_ADMIN', 'high'],
    ['PERFMON', 'high'],
    ['AUDIT_CONTROL', 'high'],
    ['SYS_BOOT', 'high'],
    ['NET_RAW', 'medium'],
    ['SYS_TIME', 'medium'],
    ['SYS_NICE', 'medium'],
    ['SETUID', 'low'],
    ['IPC_LOCK', 'low'],
  ])('%s is %s', (name, severity) => expect(capabilityInfo(name)?.severity).toBe(severity));

  it('knows every Linux capability and every default one', () => {
    const all =
      'CHOWN DAC_OVERRIDE DAC_READ_SEARCH FOWNER FSETID KILL SETGID SETUID SETPCAP LINUX_IMMUTABLE NET_BIND_SERVICE NET_BROADCAST NET_ADMIN NET_RAW IPC_LOCK IPC_OWNER SYS_MODULE SYS_RAWIO SYS_CHROOT SYS_PTRACE SYS_PACCT SYS_ADMIN SYS_BOOT SYS_NICE SYS_RESOURCE SYS_TIME SYS_TTY_CONFIG MKNOD LEASE AUDIT_WRITE AUDIT_CONTROL SETFCAP MAC_OVERRIDE MAC_ADMIN SYSLOG WAKE_ALARM BLOCK_SUSPEND AUDIT_READ PERFMON BPF CHECKPOINT_RESTORE'.split(
        ' ',
      );
    expect(all).toHaveLength(41);
    for (const name of all) expect(capabilityInfo(name)?.name).toBe(name);
    for (const name of RUNTIME_DEFAULT_CAPABILITIES) expect(capabilityInfo(name)?.name).toBe(name);
  });

  it('reports default capabilities only where they are dangerous themselves', () => {
    expect(['CHOWN', 'NET_BIND_SERVICE', 'NET_RAW', 'cap_setuid'].map((c) => capabilityInfo(c)?.severity)).toEqual([
      undefined,
      undefined,
      'medium',
      'low',
    ]);
  });

  it('finds ALL in a list in any spelling, ignoring non-strings', () => {
    expect(includesAll(['CHOWN', 'All'])).toBe(true);
    expect(includesAll(['CHOWN', 1, null])).toBe(false);
  });
});

describe('grantedAdds', () => {
  const names = (add: unknown[], drop: unknown[], runtime: 'cri' | 'docker') =>
    grantedAdds(add, drop, runtime).map((a) => a.info.name);

  it('skips harmless, unknown and non-string entries', () => {
    expect(names(['CHOWN', 'SUPERPOWER', 7, 'sys_admin'], [], 'cri')).toEqual(['SYS_ADMIN']);
    expect(names(['CHOWN', 'SOMETHING_NEW', 'sys_admin'], [], 'docker')).toEqual(['SYS_ADMIN']);
  });

  it('applies the CRI order: a named drop cancels a named add, and a drop of ALL cancels ALL', () => {
    expect(names(['NET_RAW', 'BPF'], ['net_raw'], 'cri')).toEqual(['BPF']);
    expect(names(['ALL', 'BPF'], ['ALL'], 'cri')).toEqual(['BPF']);
  });

  it("applies Docker's order: named adds win over named drops, and ALL survives a drop of ALL", () => {
    expect(names(['NET_RAW', 'BPF'], ['net_raw'], 'docker')).toEqual(['NET_RAW', 'BPF']);
    expect(names(['ALL', 'BPF'], ['ALL'], 'docker')).toEqual(['ALL', 'BPF']);
    expect(names(['ALL', 'BPF'], ['BPF'], 'docker')).toEqual(['ALL']);
  });

  it('explains each grant the same way in every format', () => {
    const [added] = grantedAdds(['cap_sys_module'], [], 'docker');
    expect(added && describeAddedCapability(added)).toBe(
      'adds SYS_MODULE (written "cap_sys_module"), which loads and unloads kernel modules, that is, runs arbitrary code in the host kernel',
    );
  });
});
