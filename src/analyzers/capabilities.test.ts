import { describe, expect, it } from 'vitest';
import { capabilityRisk, normaliseCapability } from './capabilities.js';

describe('capabilities', () => {
  it('normalises names', () => {
    expect(['cap_sys_admin', 'CAP_NET_ADMIN', ' sys_ptrace '].map(normaliseCapability)).toEqual([
      'SYS_ADMIN',
      'NET_ADMIN',
      'SYS_PTRACE',
    ]);
  });
  it.each([
    ['ALL', 'critical'],
    ['SYS_ADMIN', 'critical'],
    ['DAC_READ_SEARCH', 'critical'],
    ['NET_ADMIN', 'high'],
    ['SYS_NICE', 'medium'],
    ['SOMETHING_NEW', 'medium'],
  ])('%s is %s', (name, severity) => {
    expect(capabilityRisk(name)?.severity).toBe(severity);
  });
  it("ignores Docker's default capabilities", () => {
    expect(['CHOWN', 'NET_BIND_SERVICE', 'NET_RAW', 'cap_setuid'].map(capabilityRisk)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});
