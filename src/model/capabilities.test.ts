import { describe, expect, it } from 'vitest';
import { capabilityInfo, includesAll, normaliseCapability, RUNTIME_DEFAULT_CAPABILITIES } from './capabilities.js';

describe('capabilities', () => {
  it.each([
    ['SYS_ADMIN', 'SYS_ADMIN'],
    ['cap_sys_admin', 'SYS_ADMIN'],
    [' CAP_NET_RAW ', 'NET_RAW'],
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

  it('knows every default capability', () => {
    for (const name of RUNTIME_DEFAULT_CAPABILITIES) expect(capabilityInfo(name)?.name).toBe(name);
  });

  it('finds ALL in a list in any spelling, ignoring non-strings', () => {
    expect(includesAll(['CHOWN', 'All'])).toBe(true);
    expect(includesAll(['CHOWN', 1, null])).toBe(false);
  });
});
